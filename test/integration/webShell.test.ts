/**
 * The web shell as a user starts it (`minium web --headless --port 0`), driven over HTTP: the
 * control API, its errors, its events, and no orphans when the browser process is SIGKILLed.
 */
import * as fs from 'node:fs';
import WebSocket from 'ws';
import type { DemoInfo, ProcessInfo, TabInfo } from '../../src/common/controlApi';
import { alive, apiRequest, startWebShell, waitFor, type WebShell } from './helpers';

let shell: WebShell;

beforeAll(async () => {
  shell = await startWebShell();
});
afterAll(() => {
  if (shell.child.exitCode === null) shell.child.kill('SIGTERM');
});

test('the first line of stdout is the UI URL with its token', () => {
  expect(shell.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(shell.token).toMatch(/^[0-9a-f]{32}$/);
});

test('the UI is served; the API wants the token', async () => {
  const page = await fetch(`${shell.base}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Minium</title>');
  expect((await apiRequest(shell, 'GET', '/api/tabs', undefined, null)).status).toBe(401);
  expect((await apiRequest(shell, 'GET', '/api/tabs', undefined, 'wrong')).status).toBe(401);
  expect((await fetch(`${shell.base}/api/tabs?token=${shell.token}`)).status).toBe(200);
});

test('bad requests get a 4xx with a JSON error, and lose nothing', async () => {
  expect(await apiRequest(shell, 'POST', '/api/tabs', '{not json')).toMatchObject({
    status: 400,
    json: { error: { code: 'bad-request' } },
  });
  expect(await apiRequest(shell, 'POST', '/api/tabs', { url: 42 })).toMatchObject({ status: 400 });
  expect(await apiRequest(shell, 'POST', '/api/tabs', { url: 'ftp://x.example/' })).toMatchObject({
    status: 400,
    json: { error: { code: 'bad-url' } },
  });
  expect(await apiRequest(shell, 'POST', '/api/tabs', { url: 'x'.repeat(70 * 1024) })).toMatchObject({ status: 413 });
  expect(await apiRequest(shell, 'DELETE', '/api/tabs/77')).toMatchObject({
    status: 404,
    json: { error: { code: 'no-such-tab' } },
  });
  expect(await apiRequest(shell, 'POST', '/api/processes/1/kill')).toMatchObject({ status: 404 });
  expect(await apiRequest(shell, 'PUT', '/api/tabs')).toMatchObject({ status: 405 });
  expect(await apiRequest(shell, 'GET', '/api/nothing')).toMatchObject({ status: 404 });
  expect(await apiRequest(shell, 'POST', '/api/labs/cooking', {})).toMatchObject({ status: 404 });
  expect(await apiRequest(shell, 'POST', '/api/labs/threads', { quick: 'yes' })).toMatchObject({ status: 400 });
  expect((await apiRequest(shell, 'GET', '/api/tabs')).json).toEqual([]);
});

test('open tabs, list processes and demos, kill a renderer, see the events', async () => {
  const events: any[] = [];
  const ws = new WebSocket(`${shell.base.replace('http', 'ws')}/api/events?token=${shell.token}`);
  ws.on('message', (d) => events.push(JSON.parse(String(d))));
  await new Promise((r) => ws.once('open', r));

  const demos = (await apiRequest(shell, 'GET', '/api/demos')).json as DemoInfo[];
  expect(new Set(demos.map((d) => d.site)).size).toBeGreaterThanOrEqual(2);
  expect(demos.filter((d) => d.animated).length).toBeGreaterThanOrEqual(2);

  const a = (await apiRequest(shell, 'POST', '/api/tabs', { url: 'https://orbit.example/' })).json as TabInfo;
  const n = (await apiRequest(shell, 'POST', '/api/tabs', { url: 'news.example' })).json as TabInfo;
  expect(n.url).toBe('https://news.example/');
  // The tab opened last is the one shown; the other presents once activated.
  await waitFor(async () => {
    const list = (await apiRequest(shell, 'GET', '/api/tabs')).json as TabInfo[];
    return list.every((t) => t.state === 'live') && list.find((t) => t.id === n.id)!.framesPresented > 0;
  }, 'both tabs live, the shown one presenting');
  expect((await apiRequest(shell, 'POST', `/api/tabs/${a.id}/activate`)).json).toMatchObject({
    id: a.id,
    visible: true,
  });
  const tabs = await waitFor(async () => {
    const list = (await apiRequest(shell, 'GET', '/api/tabs')).json as TabInfo[];
    return list.every((t) => t.state === 'live' && t.framesPresented > 0) && list;
  }, 'both tabs presenting');
  const procs = (await apiRequest(shell, 'GET', '/api/processes')).json as ProcessInfo[];
  // Beside the warm spare renderer, when there is one (it locks to no site and draws no tab).
  expect(
    procs
      .filter((p) => !p.spare)
      .map((p) => p.role)
      .sort(),
  ).toEqual(['browser', 'gpu', 'renderer', 'renderer']);
  expect(procs.filter((p) => p.spare).length).toBeLessThanOrEqual(1);
  for (const p of procs) expect(p.rssBytes).toBeGreaterThan(0);

  const victim = tabs.find((t) => t.id === n.id)!.pid!;
  expect(await apiRequest(shell, 'POST', `/api/processes/${victim}/kill`)).toMatchObject({ status: 200 });
  await waitFor(
    () => events.some((e) => e.type === 'tab-updated' && e.tab.id === n.id && e.tab.state === 'crashed'),
    'the crash event',
  );
  expect(events).toContainEqual(
    expect.objectContaining({ type: 'process-gone', pid: victim, role: 'renderer', reason: 'killed' }),
  );
  expect(events).toContainEqual(expect.objectContaining({ type: 'process-launched', role: 'renderer' }));
  const after = (await apiRequest(shell, 'GET', '/api/tabs')).json as TabInfo[];
  expect(after.find((t) => t.id === a.id)!.state).toBe('live');
  ws.close();
});

test('SIGKILL the browser process: every child exits within a second, no orphans', async () => {
  const children = ((await apiRequest(shell, 'GET', '/api/processes')).json as ProcessInfo[])
    .filter((p) => p.role !== 'browser')
    .map((p) => p.pid);
  expect(children.length).toBeGreaterThanOrEqual(2);
  const exited = new Promise((r) => shell.child.once('exit', r));
  shell.child.kill('SIGKILL');
  await exited;
  // The promise is one second (`npm run bench` measures it); the wait allows for a loaded machine.
  await waitFor(() => children.every((pid) => !alive(pid)), 'every child to exit', 5000);
  // Tile pools are anonymous memory: nothing was ever named in /dev/shm, so nothing is left there.
  const pools = fs.readdirSync('/dev/shm').filter((n) => children.some((pid) => n.startsWith(`minium.${pid}.`)));
  expect(pools).toEqual([]);
});

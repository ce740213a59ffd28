/** The browser UI: tab strip, address bar, the active tab's surface, sad tabs, the Task Manager. */
import type { BrowserEvent, DisplayInfo, TabInfo } from '../../src/common/controlApi';
import { createClient } from './ControlClient';
import { ConsolePanel } from './ConsolePanel';
import { LabPanel } from './LabPanel';
import { RenderingPanel } from './RenderingPanel';
import { SurfaceView } from './SurfaceView';
import { TaskManager } from './TaskManager';
import { TraceButton } from './TraceButton';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const client = createClient();
const tabs = new Map<number, TabInfo>();
let active: number | null = null;

const surface = new SurfaceView(
  $('surface'),
  () => client.display(),
  (e) => active !== null && void guard(client.sendInput(active, e)),
);
const rendering = new RenderingPanel($('rendering'), client, (m) => alertBanner(m));
const consolePanel = new ConsolePanel($('console'), $('console-messages'), client);
const taskManager = new TaskManager($('taskmanager'), $('processes'), client, log);
const labPanel = new LabPanel($('lab'), client);

function log(message: string): void {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${message}`;
  $('log').prepend(li);
  while ($('log').childElementCount > 50) $('log').lastElementChild?.remove();
}

const REASONS: Record<string, string> = {
  killed: 'The renderer process was killed.',
  crashed: 'The renderer process crashed (a fatal signal).',
  oom: 'The renderer process ran out of memory.',
  'abnormal-exit': 'The renderer process exited abnormally.',
  'launch-failed': 'The renderer process failed to launch.',
  'clean-exit': 'The renderer process exited.',
};

/** The sad tab's headline by kind, as Chrome's: a crash, running out of memory, being killed. */
const SAD_TITLES: Record<string, string> = {
  crashed: 'Aw, Snap!',
  oom: 'Aw, Snap! Out of memory',
  killed: "He's dead, Jim!",
};

/** The reason line: the reason, and the signal or exit code the renderer ended with. */
function exitLine(t: TabInfo): string {
  const how = t.exitSignal ? `signal ${t.exitSignal}` : t.exitCode != null ? `exit code ${t.exitCode}` : null;
  return `(reason: ${t.crashReason}${how ? `, ${how}` : ''})`;
}

const tabElements = new Map<number, HTMLElement>();
/** Tabs whose "unresponsive" bar the person dismissed with Wait, until the renderer answers again. */
const waited = new Set<number>();

/** Tab elements are kept and updated in place, so a click is never lost to a re-render. */
function tabElement(t: TabInfo): HTMLElement {
  let el = tabElements.get(t.id);
  if (!el) {
    el = document.createElement('div');
    el.setAttribute('role', 'tab');
    el.dataset.tabId = String(t.id);
    const dot = document.createElement('span');
    const title = document.createElement('span');
    title.className = 'title';
    const close = document.createElement('button');
    close.className = 'close';
    close.textContent = '×';
    close.title = 'Close tab';
    close.addEventListener('click', (e) => {
      e.stopPropagation();
      void guard(client.closeTab(t.id));
    });
    el.append(dot, title, close);
    el.addEventListener('click', () => activate(t.id));
    tabElements.set(t.id, el);
  }
  el.className = `tab${t.id === active ? ' active' : ''}`;
  el.dataset.state = t.state;
  const [dot, title] = el.children as unknown as [HTMLElement, HTMLElement];
  dot.className = `dot ${t.state}`;
  title.textContent = t.title;
  title.title = `${t.title}\n${t.url}\npid ${t.pid ?? '—'} · ${t.state}`;
  return el;
}

function render(): void {
  const strip = $('tabstrip');
  for (const [id, el] of tabElements) {
    if (!tabs.has(id)) {
      el.remove();
      tabElements.delete(id);
    }
  }
  for (const t of tabs.values()) {
    const el = tabElement(t);
    if (el.parentElement !== strip) strip.insertBefore(el, $('new-tab'));
  }

  const tab = active !== null ? tabs.get(active) : undefined;
  $('empty').hidden = Boolean(tab);
  $('sad-tab').hidden = tab?.state !== 'crashed';
  $('sad-tab').dataset.tabId = String(tab?.id ?? '');
  $('sad-title').textContent = SAD_TITLES[tab?.crashReason ?? ''] ?? SAD_TITLES.crashed;
  $('sad-reason').textContent = tab?.crashReason
    ? `${REASONS[tab.crashReason] ?? tab.crashReason} ${exitLine(tab)}`
    : '';
  const hung = Boolean(tab?.unresponsive && tab.state !== 'crashed' && !waited.has(tab.id));
  $('hung').hidden = !hung;
  if (hung)
    $('hung-text').textContent =
      `Page unresponsive: its main thread (renderer pid ${tab!.pid}) has not answered for a while. Wait for it, or exit the page.`;
  $('page-error').hidden = !tab?.error;
  $('page-error').textContent = tab?.error ?? '';
  const address = $<HTMLInputElement>('address');
  if (document.activeElement !== address) address.value = tab?.url ?? '';
  surface.show(tab && tab.state !== 'crashed' ? tab.surfaceId : null);
  consolePanel.showTab(tab?.id ?? null);
}

function activate(id: number): void {
  active = id;
  render();
}

async function guard<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    log((e as Error).message);
    alertBanner((e as Error).message);
    return undefined;
  }
}

function alertBanner(message: string, persistent = false): void {
  const banner = $('banner');
  banner.textContent = message;
  banner.hidden = false;
  banner.dataset.persistent = String(persistent);
  if (!persistent) setTimeout(() => banner.dataset.persistent !== 'true' && (banner.hidden = true), 6000);
}

function showDisplay(d: DisplayInfo): void {
  if (d.mode === 'browser') alertBanner(d.reason ?? 'Compositing runs in the browser process.', true);
  surface.displayChanged(d);
}

/** Counts tab events, so that a tab list fetched before an event cannot overwrite what it said. */
let tabEvents = 0;

function onEvent(e: BrowserEvent): void {
  if (e.type === 'tab-updated' || e.type === 'tab-closed') tabEvents++;
  switch (e.type) {
    case 'tab-updated':
      tabs.set(e.tab.id, e.tab);
      if (!e.tab.unresponsive) waited.delete(e.tab.id);
      if (active === null) active = e.tab.id;
      break;
    case 'tab-closed':
      tabs.delete(e.tabId);
      if (active === e.tabId) active = tabs.keys().next().value ?? null;
      break;
    case 'display-changed':
      showDisplay(e.display);
      break;
    case 'process-gone':
      log(`${e.title} (pid ${e.pid}) gone: ${e.reason}`);
      taskManager.processesChanged();
      break;
    case 'process-launched':
      log(`${e.title} launched (pid ${e.pid})`);
      taskManager.processesChanged();
      break;
    case 'bad-message':
      log(`bad message from ${e.role} ${e.pid}: ${e.reason}`);
      break;
    case 'thread-gone':
      log(`thread ${e.thread} of ${e.pid} ended: ${e.error}`);
      break;
    case 'lab-progress':
      labPanel.progress(e.done, e.total, e.label);
      return;
    case 'console':
      consolePanel.add(e.tabId, e.entry);
      return;
    case 'overlays-changed':
      rendering.show(e.overlays);
      return;
    case 'input-presented':
      $('latency').textContent = `input → screen ${e.latencyMs.toFixed(0)} ms`;
      return;
  }
  render();
}

async function refreshFrames(): Promise<void> {
  const seen = tabEvents;
  const list = await client.listTabs();
  if (seen === tabEvents) for (const t of list) tabs.set(t.id, t);
  const tab = active !== null ? tabs.get(active) : undefined;
  const all = list.map((t) => `#${t.id} ${t.state} ${t.framesPresented} frames`).join(' · ');
  $('status').textContent = `${tab ? `pid ${tab.pid ?? '—'} · ${tab.site} · ` : ''}${all}`;
  render();
}

async function main(): Promise<void> {
  $('new-tab').addEventListener(
    'click',
    () => void guard(client.openTab('https://orbit.example/').then((t) => activate(t.id))),
  );
  client.onEvent(onEvent);
  $('omnibox').addEventListener('submit', (e) => {
    e.preventDefault();
    const url = $<HTMLInputElement>('address').value;
    const op = active !== null ? client.navigate(active, url) : client.openTab(url);
    void guard(op).then((t) => t && activate(t.id));
  });
  const reload = () => active !== null && void guard(client.reload(active));
  $('reload').addEventListener('click', reload);
  $('sad-reload').addEventListener('click', reload);
  $('hung-wait').addEventListener('click', () => {
    if (active !== null) waited.add(active);
    render();
  });
  $('hung-kill').addEventListener('click', () => {
    const pid = active !== null ? tabs.get(active)?.pid : null;
    if (pid) void guard(client.killProcess(pid));
  });
  $('lab-toggle').addEventListener('click', () => labPanel.toggle());
  new TraceButton($('trace-toggle') as HTMLButtonElement, client, alertBanner);
  $('rendering-toggle').addEventListener('click', () => rendering.toggle());
  $('console-toggle').addEventListener('click', () => consolePanel.toggle());
  rendering.show(await client.renderingOverlays());
  $('taskmanager-toggle').addEventListener('click', () => taskManager.toggle());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.shiftKey) taskManager.toggle();
    if (e.key === 'F5') {
      e.preventDefault();
      reload();
    }
  });
  const demos = $<HTMLSelectElement>('demos');
  for (const d of await client.listDemos()) {
    const o = document.createElement('option');
    o.value = d.url;
    o.textContent = `${d.name} — ${d.site}`;
    o.title = d.description;
    demos.append(o);
  }
  const debugUrls = document.createElement('optgroup');
  debugUrls.label = 'Debug URLs (the active tab)';
  for (const d of await client.listDebugUrls()) {
    const o = document.createElement('option');
    o.value = d.url;
    o.textContent = d.url;
    o.title = d.description;
    debugUrls.append(o);
  }
  demos.append(debugUrls);
  demos.addEventListener('change', () => {
    const url = demos.value;
    demos.value = '';
    if (!url) return;
    // A debug URL acts on the active tab, as if typed into its address bar.
    const op = url.startsWith('minium://') && active !== null ? client.navigate(active, url) : client.openTab(url);
    void guard(op).then((t) => t && activate(t.id));
  });
  for (const t of await client.listTabs()) tabs.set(t.id, t);
  active = tabs.keys().next().value ?? null;
  showDisplay(await client.display());
  render();
  setInterval(() => void refreshFrames().catch(() => undefined), 1000);
}

void main();

/** The browser UI: tab strip, address bar, the active tab's surface, sad tabs, the Task Manager. */
import type { BrowserEvent, DisplayInfo, TabInfo } from '../../src/common/controlApi';
import { ArchitectureView } from './ArchitectureView';
import { ClaimsPanel } from './ClaimsPanel';
import { INTERNAL_PAGES, internalPageKind } from '../../src/common/internalPages';
import { createClient } from './ControlClient';
import { ConsolePanel } from './ConsolePanel';
import { DiscardsPage } from './DiscardsPage';
import { LabPanel } from './LabPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { ProcessInternalsPage } from './ProcessInternalsPage';
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
const taskManager = new TaskManager(
  $('taskmanager'),
  $('processes'),
  client,
  log,
  new PoliciesPanel($('policies'), client, log),
);
const labPanel = new LabPanel($('lab'), client);
const architecture = new ArchitectureView($('architecture'), client, log);
const claimsPanel = new ClaimsPanel($('claims'), $('claims-rows'), client, (m) => alertBanner(m));
let captionTimer: ReturnType<typeof setTimeout> | undefined;

/** A scenario's caption over the page, for its seconds. */
function showCaption(text: string, seconds: number): void {
  clearTimeout(captionTimer);
  $('caption').textContent = text;
  $('caption').hidden = false;
  captionTimer = setTimeout(() => ($('caption').hidden = true), seconds * 1000);
}
const discardsPage = new DiscardsPage($('discards'), $('discards-tabs'), client, (m) => alertBanner(m));
const processInternals = new ProcessInternalsPage($('process-internals'), client, log);

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
      `Page unresponsive: its main thread (renderer pid ${tab!.pid}) has not answered for a while. ` +
      'Wait for it, or exit the page.';
  $('page-error').hidden = !tab?.error;
  $('page-error').textContent = tab?.error ?? '';
  const address = $<HTMLInputElement>('address');
  if (document.activeElement !== address) address.value = tab?.url ?? '';
  // An internal page's tab has no renderer: the window draws the page itself.
  const page = tab ? internalPageKind(tab.url) : null;
  surface.show(tab && tab.state !== 'crashed' && !page ? tab.surfaceId : null);
  discardsPage.show(page === 'discards', tabs.values());
  if (page === 'process-internals') processInternals.show();
  else processInternals.hide();
  consolePanel.showTab(tab?.id ?? null);
}

/** The user picked a tab: the window shows it at once, and the browser makes it the visible one (the others hidden). */
function activate(id: number): void {
  active = id;
  render();
  void guard(client.activateTab(id));
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
  architecture.onEvent(e);
  switch (e.type) {
    case 'tab-updated':
      tabs.set(e.tab.id, e.tab);
      if (!e.tab.unresponsive) waited.delete(e.tab.id);
      // The window shows the tab the browser made visible (the last opened or activated).
      if (e.tab.visible) active = e.tab.id;
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
    case 'caption':
      showCaption(e.text, e.seconds);
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
  $('claims-toggle').addEventListener('click', () => claimsPanel.toggle());
  new TraceButton($('trace-toggle') as HTMLButtonElement, client, alertBanner);
  $('rendering-toggle').addEventListener('click', () => rendering.toggle());
  $('console-toggle').addEventListener('click', () => consolePanel.toggle());
  $('taskmanager-toggle').addEventListener('click', () => taskManager.toggle());
  $('architecture-toggle').addEventListener('click', () => architecture.toggle());
  architecture.openFromUrl(location.search);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.shiftKey) taskManager.toggle();
    if (e.key === 'F5') {
      e.preventDefault();
      reload();
    }
  });
  const demos = $<HTMLSelectElement>('demos');
  demos.addEventListener('change', () => {
    const url = demos.value;
    demos.value = '';
    if (!url) return;
    // A debug URL acts on the active tab, as if typed into its address bar; an internal page opens a tab.
    const op =
      url.startsWith('minium://') && internalPageKind(url) === null && active !== null
        ? client.navigate(active, url)
        : client.openTab(url);
    void guard(op).then((t) => t && activate(t.id));
  });
  // Every control is wired above, before the first await: a click that comes while the lists
  // below load is acted on, not lost.
  rendering.show(await client.renderingOverlays());
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
  const internalPages = document.createElement('optgroup');
  internalPages.label = 'Internal pages (a new tab)';
  for (const [kind, page] of Object.entries(INTERNAL_PAGES)) {
    const o = document.createElement('option');
    o.value = `minium://${kind}`;
    o.textContent = o.value;
    o.title = page.description;
    internalPages.append(o);
  }
  demos.append(internalPages);
  for (const t of await client.listTabs()) tabs.set(t.id, t);
  // The window shows the tab the browser shows: the last opened or activated one.
  active = [...tabs.values()].find((t) => t.visible)?.id ?? active;
  showDisplay(await client.display());
  render();
  setInterval(
    () =>
      void refreshFrames().catch((e: unknown) => {
        $('status').textContent = `The tab list could not be read: ${(e as Error).message}`;
      }),
    1000,
  );
  // Tests and scripts wait for this before they act on the window.
  document.documentElement.dataset.ready = 'true';
}

main().catch((e: unknown) => {
  const message = `The window could not start: ${(e as Error).message ?? String(e)}`;
  log(message);
  alertBanner(message, true);
});

/**
 * Plugin process entry: one process per plugin type, hosting every instance of that type that
 * pages embed. If it dies, each embedding page shows a placeholder and lives on.
 */
import '../../platform/child/parentLifetime'; // first: die with the browser, whatever loads next
import '../../platform/child/allocatorOptions'; // before any native module loads
import { BrowserToPlugin, parseMessage, type PluginToBrowser } from '../../common/protocol';
import { argValue, connectToParent } from '../../platform/child/parentPort';
import { mainThreadReports } from '../../platform/child/ReportClock';
import { sandboxSelfOrExit } from '../../platform/child/sandboxSelf';
import { ChildTraceCollector } from '../../platform/child/ChildTraceCollector';
import { joinProcessTrace } from '../../platform/tracing';
import { registerFonts } from '../shared/Fonts';
import { FrameSinkClient } from '../../viz/client/FrameSinkClient';
import { CLOCK_MIME_TYPE } from './ClockPlugin';
import { PluginInstance } from './PluginInstance';

const FRAME_MS = 1000 / 30;
// The channel first (a connect-back socket is made before the sandbox); then locked down before
// the event loop first turns: no message from the browser, no plugin data yet.
const parent = connectToParent<PluginToBrowser>();
const sandbox = sandboxSelfOrExit();
const mimeType = argValue('minium-plugin');
if (mimeType !== CLOCK_MIME_TYPE) {
  process.stderr.write(`Unknown plugin type ${mimeType}\n`);
  process.exit(2);
}
registerFonts();
const reports = mainThreadReports((m) => parent.send(m), { name: 'plugin main', kind: 'plugin', heap: true });
// The process's only thread, as Chromium named its plugin (PPAPI) process's main thread.
joinProcessTrace('CrPPAPIMain', 0);
const traces = new ChildTraceCollector(
  (m) => parent.send(m),
  () => 1,
);
const sink = new FrameSinkClient();
const instances = new Map<number, PluginInstance>();

sink.onConnected(() => instances.forEach((i) => i.displayReset()));
sink.onAck(({ surfaceId, seq }) => instances.get(Number(surfaceId.slice('plugin:'.length)))?.acknowledged(seq));

parent.onMessage((raw) => {
  const parsed = parseMessage(BrowserToPlugin, raw);
  if (!parsed.ok)
    return parent.send({ type: 'log', level: 'error', message: `ignored a malformed message: ${parsed.reason}` });
  const m = parsed.value;
  receive(m);
  updateFrameClock();
});

function receive(m: BrowserToPlugin): void {
  switch (m.type) {
    case 'create-instance':
      if (m.gpu && !sink.ready) sink.connect(m.gpu);
      instances.set(m.instanceId, new PluginInstance(m.instanceId, m.surfaceId, m.size, sink, m.visible));
      break;
    case 'destroy-instance':
      instances.get(m.instanceId)?.dispose();
      instances.delete(m.instanceId);
      break;
    case 'instance-visibility': {
      const instance = instances.get(m.instanceId);
      if (instance) instance.visible = m.visible;
      break;
    }
    case 'gpu-channel':
      sink.connect(m.gpu);
      break;
    case 'report-rate':
      reports.setRate(m);
      break;
    case 'trace-start':
    case 'trace-stop':
      traces.obey(m);
      break;
    case 'shutdown':
      process.exit(0);
  }
}

/** The plugin's frame clock runs only while an instance is shown: hidden tabs' plugins cost nothing. */
let frameClock: NodeJS.Timeout | null = null;
function updateFrameClock(): void {
  const shown = [...instances.values()].some((i) => i.visible);
  if (shown && !frameClock) frameClock = setInterval(() => instances.forEach((i) => i.tick()), FRAME_MS);
  if (!shown && frameClock) {
    clearInterval(frameClock);
    frameClock = null;
  }
}
reports.start();
parent.send({ type: 'ready', pid: process.pid, sandbox });

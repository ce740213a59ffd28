/**
 * Network service entry (Chromium's network service, in a utility process of its own): fetches
 * http(s) for the browser, which stays the broker (it checks the site lock, serves the demo
 * sites itself and checks every response). Sandboxed as the other children, except that it may
 * open TCP sockets; it reads nothing on disk beyond what name resolution needs. Killed, it is
 * started again on the browser's next request.
 */
import '../../platform/child/parentLifetime'; // first: die with the browser, whatever loads next
import { BrowserToNetwork, parseMessage } from '../../common/protocol';
import type { NetworkToBrowser } from '../../common/protocol';
import { connectToParent } from '../../platform/child/parentPort';
import { mainThreadReports } from '../../platform/child/ReportClock';
import { sandboxSelfOrExit } from '../../platform/child/sandboxSelf';
import { loadUrl } from './UrlLoader';

// The channel first (a connect-back socket is made before the sandbox); then locked down before
// the event loop first turns: no request has arrived yet.
const parent = connectToParent<NetworkToBrowser>();
const sandbox = sandboxSelfOrExit({ allowInet: true });
const send = (m: NetworkToBrowser) => parent.send(m);
const reports = mainThreadReports(send, { name: 'NetworkService', kind: 'main', heap: false });

parent.onMessage((raw) => {
  const parsed = parseMessage(BrowserToNetwork, raw);
  if (!parsed.ok)
    return send({ type: 'log', level: 'error', message: `ignored a malformed message: ${parsed.reason}` });
  const m = parsed.value;
  if (m.type === 'shutdown') process.exit(0);
  if (m.type === 'report-rate') return reports.setRate(m);
  void loadUrl(m, send);
});

reports.start();
send({ type: 'ready', pid: process.pid, sandbox });

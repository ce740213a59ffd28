// scratch: open a URL in a real Browser, optionally send input, save the tab's surface as PNG.
process.env.MINIUM_CHILD_STDERR = process.env.MINIUM_CHILD_STDERR || 'quiet';
const { Browser } = require('../dist/src/browser/Browser');
const { NodeChildLauncher } = require('../dist/src/platform/node/NodeChildLauncher');
const WebSocket = require('ws');
const { createCanvas, ImageData } = require('@napi-rs/canvas');
const fs = require('fs');
(async () => {
  const [url, out = '/tmp/shot.png', waitMs = '1500', actions = '[]', overlays = '{}'] = process.argv.slice(2);
  const b = new Browser({ launcher: new NodeChildLauncher(), rasterThreads: 2 });
  await b.start();
  await b.setRenderingOverlays({ tileBorders: false, paintFlashing: false, fpsMeter: false, ...JSON.parse(overlays) });
  b.onEvent((e) => { if (e.type === 'console') console.log('console', e.tabId, e.entry.level, e.entry.message); if (e.type === 'input-presented') console.log('latency', e.inputId, e.latencyMs.toFixed(1)); });
  const t0 = Date.now();
  const tab = await b.openTab(url);
  const canvas = createCanvas(960, 600); const ctx = canvas.getContext('2d');
  const ws = new WebSocket(b.display().url);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'show', surfaceId: tab.surfaceId })));
  ws.on('message', (data) => { const len = data.readUInt32BE(0); const h = JSON.parse(data.subarray(4, 4 + len).toString()); const px = new Uint8ClampedArray(data.subarray(4 + len)); ctx.putImageData(new ImageData(px, h.rect.w, h.rect.h), h.rect.x, h.rect.y); });
  await new Promise((r) => setTimeout(r, 800));
  for (const a of JSON.parse(actions)) { if (a.wait) await new Promise((r) => setTimeout(r, a.wait)); else console.log('input', await b.sendInput(tab.id, a)); }
  await new Promise((r) => setTimeout(r, Number(waitMs)));
  const info = b.listTabs()[0];
  console.log('tab', JSON.stringify(info), 'ms', Date.now() - t0);
  try { const rep = await b.tileReport(tab.id); const by = {}; for (const t of rep.tiles) by[t.thread] = (by[t.thread] || 0) + 1; console.log('tiles', rep.tiles.length, JSON.stringify(by), 'scroll', JSON.stringify(rep.scroll), 'fps', rep.framesPerSecond); } catch (e) { console.log('report failed', e.message); }
  for (const p of await b.listProcesses()) if (p.role === 'renderer') console.log(p.threads.map((t) => `${t.id}:${(t.busy * 100).toFixed(0)}%${t.error ? ' ERR ' + t.error : ''}`).join(' '));
  console.log('console', JSON.stringify(b.consoleMessages(tab.id)).slice(0, 2000));
  fs.writeFileSync(out, canvas.toBuffer('image/png'));
  ws.close(); await b.shutdown(); process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });

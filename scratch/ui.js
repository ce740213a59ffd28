const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const readline = require('readline');
(async () => {
  const child = spawn(process.execPath, ['dist/src/shell/cli/main.js', 'web', '--headless', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MINIUM_CHILD_STDERR: 'quiet' } });
  const url = await new Promise((r) => readline.createInterface({ input: child.stdout }).once('line', r));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => console.log('page error', e.message));
  await page.goto(url);
  const demo = process.argv[2] || 'https://jank.example/';
  await page.selectOption('#demos', demo);
  await page.waitForTimeout(1500);
  await page.click('#rendering-toggle');
  await page.check('input[data-overlay="tileBorders"]');
  await page.check('input[data-overlay="fpsMeter"]');
  await page.check('input[data-overlay="paintFlashing"]');
  await page.click('#console-toggle');
  const box = await page.locator('#surface').boundingBox();
  for (const a of JSON.parse(process.argv[3] || '[]')) {
    if (a.wait) await page.waitForTimeout(a.wait);
    else if (a.click) await page.mouse.click(box.x + a.click[0], box.y + a.click[1]);
    else if (a.wheel) { await page.mouse.move(box.x + a.wheel[0], box.y + a.wheel[1]); await page.mouse.wheel(0, a.wheel[2]); }
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: process.argv[4] || '/tmp/ui.png' });
  console.log(await page.textContent('#statusbar'));
  await browser.close(); child.kill('SIGTERM');
})();

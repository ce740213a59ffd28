/**
 * The Electron shell, end to end, with Playwright's Electron driver. Electron's binary cannot be
 * downloaded on every machine (CI here has none): then these tests are skipped, saying why.
 */
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { APP_ROOT } from '../../src/platform/paths';
import { findElectronBinary } from '../../src/shell/cli/electronBinary';
import { waitFor } from '../integration/helpers';

const binary = findElectronBinary();
if (!binary.path)
  process.stdout.write(
    `SKIPPED Electron e2e tests: ${binary.why} (install it with a plain "npm install electron" where its download is reachable)\n`,
  );

(binary.path ? describe : describe.skip)('Electron shell', () => {
  let app: ElectronApplication;
  beforeAll(async () => {
    app = await electron.launch({ executablePath: binary.path!, args: [APP_ROOT, '--no-sandbox'] });
  });
  afterAll(() => app?.close());

  test('the window opens the UI; a demo renders in a utility-process renderer', async () => {
    const win = await app.firstWindow();
    // The window wires its controls, then loads its lists; it says when it is ready for input.
    await win.locator('html[data-ready="true"]').waitFor();
    const url = await win.locator('#demos option').nth(3).getAttribute('value');
    await win.selectOption('#demos', url!);
    await waitFor(
      async () => (await win.locator('.tab.active').getAttribute('data-state')) === 'live',
      'the demo to be live',
    );
    const types = await app.evaluate(({ app: a }) => a.getAppMetrics().map((m) => `${m.type}:${m.serviceName ?? ''}`));
    expect(types.some((t) => t.startsWith('Utility:minium-renderer'))).toBe(true);
    expect(types.some((t) => t.startsWith('Utility:minium-gpu'))).toBe(true);
  });
});

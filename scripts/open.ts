/**
 * `npm run open`: a manual look. Starts Chromium in a window with the built extension loaded
 * and today's idea open in a tab. Needs a desktop session; close the window to end.
 */
import { chromium } from 'playwright-core';
import { CHROME_DIR, findChromium, tempProfile } from '../tests/e2e/chrome-harness';

async function main() {
  const profile = tempProfile();
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: findChromium(),
    headless: false,
    viewport: null,
    args: [`--load-extension=${CHROME_DIR}`, `--disable-extensions-except=${CHROME_DIR}`, '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/popup.html`);
  console.log(`Tend is loaded (extension id ${id}). Options: chrome-extension://${id}/options.html`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  profile.remove();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/** `npm run screenshots`: PNGs of the real built extension (popup light, dark and German; options) for the README. */
import { mkdirSync } from 'node:fs';
import { launchTend, tempProfile } from '../tests/e2e/chrome-harness';

const OUT = 'docs/screenshots';

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const profile = tempProfile();
    const tend = await launchTend(profile.dir, { colorScheme: scheme });
    const popup = await tend.open('popup');
    await popup.setViewportSize({ width: 352, height: 560 });
    await popup.waitForSelector('.idea-text');
    await popup.screenshot({ path: `${OUT}/popup-${scheme}.png`, fullPage: true });
    if (scheme === 'light') {
      const options = await tend.open('options');
      await options.setViewportSize({ width: 820, height: 900 });
      await options.waitForSelector('main');
      await options.screenshot({ path: `${OUT}/options.png` });
      await options.screenshot({ path: `${OUT}/options-full.png`, fullPage: true });
    }
    await tend.close();
    profile.remove();
  }
  const profile = tempProfile();
  const tend = await launchTend(profile.dir, { lang: 'de' });
  const popup = await tend.open('popup');
  await popup.setViewportSize({ width: 352, height: 560 });
  await popup.waitForSelector('main:not([aria-busy]) .idea-text');
  await popup.screenshot({ path: `${OUT}/popup-de.png`, fullPage: true });
  await tend.close();
  profile.remove();
  console.log(`Screenshots written to ${OUT}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

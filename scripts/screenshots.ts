/** `npm run screenshots`: PNGs of the real built extension (popup light, dark and German; options) for the README. */
import { mkdirSync } from 'node:fs';
import { launchTend, tempProfile, type LaunchOptions } from '../tests/e2e/chrome-harness';

const OUT = 'docs/screenshots';

/** One browser per look: the popup in light, dark and German; the settings page in light. */
const SHOTS: { name: string; launch: LaunchOptions; options?: boolean }[] = [
  { name: 'light', launch: { colorScheme: 'light' }, options: true },
  { name: 'dark', launch: { colorScheme: 'dark' } },
  { name: 'de', launch: { lang: 'de' } },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const profile = tempProfile();
    const tend = await launchTend(profile.dir, shot.launch);
    const popup = await tend.open('popup');
    await popup.setViewportSize({ width: 352, height: 560 });
    await popup.waitForSelector('main:not([aria-busy]) .idea-text');
    await popup.screenshot({ path: `${OUT}/popup-${shot.name}.png`, fullPage: true });
    if (shot.options) {
      const options = await tend.open('options');
      await options.setViewportSize({ width: 820, height: 900 });
      await options.waitForSelector('main');
      await options.screenshot({ path: `${OUT}/options.png` });
      await options.screenshot({ path: `${OUT}/options-full.png`, fullPage: true });
    }
    await tend.close();
    profile.remove();
  }
  console.log(`Screenshots written to ${OUT}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

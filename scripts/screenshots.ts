/**
 * `npm run screenshots`: PNGs of the real built extension for the README — the popup (light, dark, German),
 * settings with the week of together hours, the welcome, the weekly check-in, a conversation, a track's
 * step, and two
 * paired Tends (two profiles, two zones) showing the same idea.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchTend, tempProfile, type LaunchOptions, type Tend } from '../tests/e2e/chrome-harness';

const OUT = 'docs/screenshots';

/** One browser per look; `extra` shoots the other pages in that look. */
const SHOTS: { name: string; launch: LaunchOptions; extra?: (tend: Tend) => Promise<void> }[] = [
  { name: 'light', launch: { colorScheme: 'light' }, extra: shootPages },
  { name: 'dark', launch: { colorScheme: 'dark' } },
  { name: 'de', launch: { lang: 'de' } },
];

async function popupShot(tend: Tend, name: string, hash = ''): Promise<Page> {
  const popup = await tend.open('popup', hash);
  await popup.setViewportSize({ width: 352, height: 600 });
  await popup.waitForSelector('main:not([aria-busy]) .idea-text');
  // What loads after the first frame (the nudge line, and while paired the pair line) is in the picture.
  await popup.waitForSelector('.nudge-line');
  if (name.startsWith('together')) await popup.waitForSelector('.pair-line');
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  return popup;
}

async function shootPages(tend: Tend): Promise<void> {
  const options = await tend.open('options');
  await options.setViewportSize({ width: 1000, height: 1250 });
  await options.waitForSelector('.week-picture');
  await options.waitForTimeout(300);
  await options.screenshot({ path: `${OUT}/options.png` });
  await options.screenshot({ path: `${OUT}/options-full.png`, fullPage: true });
  // At phone width (Firefox for Android shows extension pages at about 360 px): the sections as a bar of chips.
  await options.setViewportSize({ width: 360, height: 740 });
  await options.waitForTimeout(300);
  await options.screenshot({ path: `${OUT}/options-phone.png` });
  await options.close();

  const checkIn = await popupShot(tend, 'popup-checkin', '#checkin');
  await checkIn.close();

  const talk = await tend.open('talk', '#talk-changed');
  await talk.setViewportSize({ width: 820, height: 640 });
  await talk.getByRole('button', { name: 'Start' }).click();
  await talk.waitForTimeout(400);
  await talk.screenshot({ path: `${OUT}/talk.png` });
  await talk.close();

  // What we'd both like: the first person's turn, one wish at a time.
  const wishes = await tend.open('wishes');
  await wishes.setViewportSize({ width: 820, height: 640 });
  await wishes.locator('main:not([aria-busy])').waitFor();
  await wishes.waitForTimeout(300);
  await wishes.screenshot({ path: `${OUT}/wishes.png` });
  await wishes.close();

  // A track started in Settings: its first step in the popup, in today's idea's place. Stopped again after.
  const settings = await tend.open('options', '#tracks');
  const touch = settings.locator('.track-item').first();
  await touch.getByRole('button', { name: 'Start this track' }).click();
  await touch.getByRole('button', { name: 'Stop' }).waitFor();
  await settings.setViewportSize({ width: 1000, height: 900 });
  await settings.locator('section[aria-labelledby="tracks"]').screenshot({ path: `${OUT}/tracks-settings.png` });
  const step = await tend.open('popup');
  await step.setViewportSize({ width: 352, height: 600 });
  await step.waitForSelector('main:not([aria-busy]) .track-step');
  await step.waitForSelector('.nudge-line');
  await step.waitForTimeout(300);
  await step.screenshot({ path: `${OUT}/popup-track.png`, fullPage: true });
  await step.close();
  await touch.getByRole('button', { name: 'Stop' }).click();

  // Settings › Your data › On your other browsers, turned on: what travels, what never does, how private it is.
  await settings.goto(settings.url().replace(/#.*$/, '#data'));
  const sync = settings.locator('.sync-part');
  await sync.getByRole('checkbox', { name: /Keep Tend the same/ }).check();
  await sync.getByText(/^Last in step/).waitFor();
  await sync.screenshot({ path: `${OUT}/sync-settings.png` });
  await sync.getByRole('checkbox', { name: /Keep Tend the same/ }).uncheck();
  await settings.close();
}

/** Two people: Anna makes the code in Settings › Together, Ben pastes it; then both popups. */
async function shootTogether(): Promise<void> {
  const profiles = [tempProfile(), tempProfile()];
  const [anna, ben] = await Promise.all([
    launchTend(profiles[0]!.dir, { timezone: 'Europe/Berlin', asPeopleHaveIt: true }),
    launchTend(profiles[1]!.dir, { timezone: 'America/New_York', asPeopleHaveIt: true }),
  ]);
  const section = (page: Page) => page.locator('section[aria-labelledby="together"]');
  const annaSettings = await anna.open('options', '#together');
  await annaSettings.setViewportSize({ width: 1000, height: 1000 });
  await section(annaSettings).getByRole('button', { name: 'Pair with your partner' }).click();
  const code = ((await section(annaSettings).locator('.pair-code').textContent()) ?? '').trim();
  await annaSettings.waitForTimeout(300);
  await section(annaSettings).screenshot({ path: `${OUT}/together-code.png` });
  const benSettings = await ben.open('options', '#together');
  await benSettings.setViewportSize({ width: 1000, height: 1000 });
  await section(benSettings).getByRole('button', { name: 'I have a code' }).click();
  await section(benSettings).getByLabel("Your partner's code").fill(code);
  await benSettings.waitForSelector('.pair-summary');
  await benSettings.waitForTimeout(300);
  await section(benSettings).screenshot({ path: `${OUT}/together-take-in.png` });
  await section(benSettings).getByRole('button', { name: 'Pair', exact: true }).click();
  await benSettings.waitForSelector('text=In step with');
  await (await popupShot(anna, 'together-anna')).close();
  await (await popupShot(ben, 'together-ben')).close();
  await shootSharedCheckIn(annaSettings, benSettings);
  await Promise.all([anna.close(), ben.close()]);
  for (const profile of profiles) profile.remove();
}

/** The two paired Settings pages: Anna shares her check-in word, Ben answers and sees both side by side. */
async function shootSharedCheckIn(annaSettings: Page, benSettings: Page): Promise<void> {
  const checkIns = (page: Page) => page.locator('section[aria-labelledby="checkins"]');
  const answer = async (page: Page, word: string, note = '') => {
    await checkIns(page).getByRole('button', { name: 'Check in now' }).click();
    await checkIns(page).getByLabel(word, { exact: true }).check();
    if (note) await checkIns(page).getByLabel('A private note (optional)').fill(note);
    await checkIns(page).getByRole('button', { name: 'Save' }).click();
    await checkIns(page).locator('.checkin-list li').first().waitFor();
  };
  await answer(annaSettings, 'Like a job', 'Tired, mostly. Missed our walks.');
  await checkIns(annaSettings).getByLabel('Send my note too').check();
  await checkIns(annaSettings).getByRole('button', { name: 'Share with my partner' }).click();
  const code = ((await checkIns(annaSettings).locator('.word-code').textContent()) ?? '').trim();
  await checkIns(benSettings).getByLabel("A word from your partner's Tend").fill(code);
  await checkIns(benSettings).getByRole('button', { name: 'Take it in' }).click();
  await checkIns(benSettings).getByText('Answer yours first').waitFor();
  await answer(benSettings, 'Mixed');
  await checkIns(benSettings).locator('.shared-both').waitFor();
  await benSettings.waitForTimeout(300);
  await checkIns(benSettings).locator('.shared-words').screenshot({ path: `${OUT}/checkin-shared.png` });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  // The welcome as a new install meets it: nothing set up yet.
  {
    const profile = tempProfile();
    const tend = await launchTend(profile.dir, { setUp: false, asPeopleHaveIt: true });
    const welcome = await tend.open('welcome');
    await welcome.setViewportSize({ width: 820, height: 900 });
    await welcome.waitForSelector('main h1');
    await welcome.waitForTimeout(500);
    await welcome.screenshot({ path: `${OUT}/welcome.png`, fullPage: true });
    await tend.close();
    profile.remove();
  }
  for (const shot of SHOTS) {
    const profile = tempProfile();
    const tend = await launchTend(profile.dir, { ...shot.launch, asPeopleHaveIt: true });
    const popup = await popupShot(tend, `popup-${shot.name}`);
    await popup.close();
    await shot.extra?.(tend);
    await tend.close();
    profile.remove();
  }
  await shootTogether();
  console.log(`Screenshots written to ${OUT}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench`: figures, not pass/fail. Sizes of every bundle (gzip), the popup's time to
 * show today's idea and the talk page's time to show a conversation, against a static extension
 * page in the same browser run, the number of
 * pending alarms, and the speed of the pure scheduler and picker.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import ideasJson from '../assets/library/ideas.json';
import { parseIdeas } from '../model/vocabulary';
import { createPickerState, todaysIdea } from '../ideas/picker';
import { defaultPrefs } from '../model/prefs';
import { nextNudgeAt } from '../nudges/schedule';
import { createNudgeState } from '../model/nudge-state';
import { CHROME_DIR, launchTend, tempProfile } from '../tests/e2e/chrome-harness';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The JS and CSS files an HTML page of the build loads (scripts, module preloads, styles). */
function pageFiles(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1] as string));
}

function sizes(dir: string) {
  const rows: [string, string][] = [];
  const sum = (files: string[]) => files.reduce((total, f) => total + gz(f), 0);
  const popup = pageFiles(dir, 'popup.html');
  const options = pageFiles(dir, 'options.html');
  const isVendor = (f: string) => /vendor-/.test(f);
  const popupJs = popup.filter((f) => f.endsWith('.js'));
  // What popup.html names is what today's idea needs (its first frame); what shows around it loads
  // after it (the worker answers the data), and the usual opening's whole weight is measured in the browser (below).
  rows.push(["popup, first frame: Tend code (JS, without library and third-party code)", kb(sum(popupJs.filter((f) => !isVendor(f))))]);
  rows.push(["popup, first frame: third-party code (Preact, webextension-polyfill)", kb(sum(popupJs.filter(isVendor)))]);
  rows.push(['popup: CSS', kb(sum(popup.filter((f) => f.endsWith('.css'))))]);
  rows.push(["popup: what it loads to show today's idea (JS + CSS)", kb(sum(popup))]);
  rows.push(['options: Tend code (JS, own; idb is in the store chunk)', kb(sum(options.filter((f) => f.endsWith('.js') && !isVendor(f))))]);
  rows.push(['options: everything it loads (JS + CSS)', kb(sum(options))]);
  const talk = pageFiles(dir, 'talk.html');
  rows.push(['talk: Tend code (JS, own; idb is in the store chunk)', kb(sum(talk.filter((f) => f.endsWith('.js') && !isVendor(f))))]);
  rows.push(['talk: everything it loads (JS + CSS, without its talks.<lang>.json)', kb(sum(talk))]);
  rows.push(['background worker (one file, polyfill and idb included)', kb(gz(join(dir, 'background.js')))]);
  for (const file of readdirSync(join(dir, 'library')).sort()) {
    rows.push([`library: ${file} (fetched on demand, one language)`, kb(gz(join(dir, 'library', file)))]);
  }
  return rows;
}

/** Milliseconds from navigation start until the idea's text is in the page (or, for the static page, first paint). */
async function timings(runs: number, lang?: string) {
  const dir = resolve('.tmp/bench-extension');
  rmSync(dir, { recursive: true, force: true });
  cpSync(CHROME_DIR, dir, { recursive: true });
  // A static page inside the same extension: the floor any extension page pays to open.
  writeFileSync(
    join(dir, 'static.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Static</title></head><body><main><p>A plain static page for comparison.</p></main></body></html>',
  );
  const profile = tempProfile();
  const tend = await launchTend(profile.dir, { extensionDir: dir, asPeopleHaveIt: true, ...(lang ? { lang } : {}) });
  const base = `chrome-extension://${tend.extensionId}`;
  const idea: number[] = [];
  const newDay: number[] = [];
  const noCache: number[] = [];
  const fixed: number[] = [];
  const talk: number[] = [];
  /**
   * Opens the popup in a fresh tab. 'new-day' first makes the render cache look as it does the
   * morning after (written yesterday, today's idea picked ahead); 'no-cache' drops it, as on the
   * first opening after install.
   */
  const openPopup = async (mode: 'usual' | 'new-day' | 'no-cache') => {
    const popup = await tend.context.newPage();
    if (mode !== 'usual') {
      await popup.goto(`${base}/static.html`);
      await popup.evaluate((m) => {
        const view = JSON.parse(localStorage.getItem('tend:view') ?? 'null');
        if (m === 'no-cache' || !view) return localStorage.removeItem('tend:view');
        const d = new Date();
        d.setDate(d.getDate() - 1);
        const yesterday = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        localStorage.setItem('tend:view', JSON.stringify({ ...view, day: yesterday, idea: null, tomorrow: view.idea }));
      }, mode);
    }
    await popup.goto(`${base}/popup.html`);
    await popup.waitForSelector('.idea-text');
    const at = await popup.evaluate(() => performance.getEntriesByName('tend:idea-shown')[0]?.startTime ?? NaN);
    await popup.close();
    return at;
  };
  /** Opens the talk page as the counsellor card and check-in link to it, until the conversation's start screen shows. */
  const openTalk = async () => {
    const page = await tend.context.newPage();
    await page.goto(`${base}/talk.html#talk-changed`);
    await page.waitForSelector('.talk-rules');
    const at = await page.evaluate(() => performance.getEntriesByName('tend:talk-shown')[0]?.startTime ?? NaN);
    await page.close();
    return at;
  };
  // Each measurement in a fresh tab, alternating, so the pages open under the same conditions.
  for (let i = 0; i < runs + 2; i++) {
    const staticPage = await tend.context.newPage();
    await staticPage.goto(`${base}/static.html`, { waitUntil: 'load' });
    await staticPage.waitForTimeout(50);
    const paint = await staticPage.evaluate(
      () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN,
    );
    await staticPage.close();
    const times = {
      cold: await openPopup('no-cache'),
      morning: await openPopup('new-day'),
      warm: await openPopup('usual'),
      talk: await openTalk(),
    };
    if (i >= 2) {
      // The first two rounds warm the browser's caches.
      fixed.push(paint);
      noCache.push(times.cold);
      newDay.push(times.morning);
      idea.push(times.warm);
      talk.push(times.talk);
    }
  }
  // Everything a usual opening fetches, also what loads after the idea is shown (not the lists or pause choices, loaded when opened).
  // (Resource timing lists nothing for extension pages here, so the requests are counted as the page makes them.)
  const loaded = await tend.context.newPage();
  const files: string[] = [];
  loaded.on('request', (request) => files.push(new URL(request.url()).pathname));
  await loaded.goto(`${base}/popup.html`);
  await loaded.waitForSelector('.idea-text');
  await loaded.waitForTimeout(1500);
  await loaded.close();
  const usualLoad = files.filter((f) => /\.(js|css)$/.test(f)).reduce((total, f) => total + gz(join(CHROME_DIR, f)), 0);
  const alarms = await tend.worker.evaluate(() => chrome.alarms.getAll());
  await tend.close();
  profile.remove();
  rmSync(dir, { recursive: true, force: true });
  return {
    idea: median(idea),
    newDay: median(newDay),
    noCache: median(noCache),
    talk: median(talk),
    fixed: median(fixed),
    usualLoad,
    alarms: alarms.length,
    runs,
  };
}

function pureSpeed() {
  const library = parseIdeas(ideasJson);
  const prefs = { ...defaultPrefs(), nudgesPerDay: 6 };
  const time = (fn: () => void, n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) fn();
    return (performance.now() - start) / n;
  };
  let state = createPickerState('bench');
  let day = 0;
  const pick = time(() => {
    const r = todaysIdea(library, prefs, new Set(), state, `2026-01-${String((day++ % 28) + 1).padStart(2, '0')}`);
    state = r.state;
  }, 400);
  const now = Date.UTC(2026, 5, 1, 9);
  const schedule = time(() => nextNudgeAt(prefs, createNudgeState(), now, Math.random), 200);
  return { pick, schedule };
}

async function main() {
  if (!existsSync(join(CHROME_DIR, 'manifest.json'))) throw new Error('No build: run "npm run build" first.');
  console.log('Tend benchmark\n\nSizes (gzip -9)');
  for (const [name, value] of sizes(CHROME_DIR)) console.log(`  ${name.padEnd(70)} ${value.padStart(9)}`);
  const t = await timings(25);
  console.log(`\nPopup speed in Chromium (median of ${t.runs} runs, warm)`);
  console.log(`  static extension page, first paint                                     ${t.fixed.toFixed(1).padStart(6)} ms`);
  console.log(`  popup, today's idea on screen                                          ${t.idea.toFixed(1).padStart(6)} ms`);
  console.log(`  ratio (guide: ≤ 1.1×)                                                  ${(t.idea / t.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`  popup, first opening of a day (idea picked ahead the day before)       ${t.newDay.toFixed(1).padStart(6)} ms`);
  console.log(`  ratio, first opening of a day                                          ${(t.newDay / t.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`  popup, no render cache (first opening after install)                   ${t.noCache.toFixed(1).padStart(6)} ms`);
  console.log(`  ratio, no render cache (guide: ≤ 1.3×)                                 ${(t.noCache / t.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`  talk page, a conversation's start screen (talk.html#talk-changed)      ${t.talk.toFixed(1).padStart(6)} ms`);
  console.log(`  ratio, talk page                                                       ${(t.talk / t.fixed).toFixed(2).padStart(6)} ×`);
  const de = await timings(15, 'de');
  console.log(`\nThe same in German (the German library file, median of ${de.runs} runs), ratios to the static page`);
  console.log(`  popup, today's idea on screen                                          ${(de.idea / de.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`  popup, first opening of a day                                          ${(de.newDay / de.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`  popup, no render cache                                                 ${(de.noCache / de.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`  talk page, a conversation's start screen                               ${(de.talk / de.fixed).toFixed(2).padStart(6)} ×`);
  console.log(`\nPopup: all JS and CSS a usual opening loads (budget 21.4 KB)          ${kb(t.usualLoad).padStart(9)}`);
  console.log(`\nPending alarms after start (target exactly 1)                            ${String(t.alarms).padStart(6)}`);
  const speed = pureSpeed();
  console.log('\nPure logic in Node');
  console.log(`  todaysIdea over ${parseIdeas(ideasJson).length} ideas                                              ${speed.pick.toFixed(3).padStart(7)} ms`);
  console.log(`  nextNudgeAt, 6 a day, default windows                                  ${speed.schedule.toFixed(3).padStart(7)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

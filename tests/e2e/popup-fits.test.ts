/**
 * The popup at 380 × 600 (Chrome's popup is at most 600 px tall): in every state it opens in, the whole
 * page fits without scrolling and today's idea with its first action is fully in view, in English and German.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../model/vocabulary';
import { defaultPrefs } from '../../model/prefs';
import { dayKey } from '../../lib/day';
import { zoneDayKey } from '../../together/zone-time';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';
import { patchPrefs, patchState, useTend } from './chrome-steps';

const DAY = 86_400_000;
const HEIGHT = 600;
/** The longest idea of each language: the worst case for the idea's box. */
const LONGEST = { en: 'talk-013', de: 'presence-013' } as const;

interface Fit {
  scrollHeight: number;
  content: number;
  idea: { top: number; bottom: number } | null;
  action: { top: number; bottom: number } | null;
}

async function measure(page: Page): Promise<Fit> {
  // AfterPaint, the check-in's records and the pair line come a moment after the idea.
  await page.waitForSelector('main:not([aria-busy])');
  await page.waitForTimeout(600);
  return page.evaluate(() => {
    const box = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
    };
    return {
      scrollHeight: document.documentElement.scrollHeight,
      // The content's own height, for the report (the document is never shorter than the viewport).
      content: Math.ceil((document.querySelector('main') as HTMLElement).getBoundingClientRect().bottom),
      idea: box('.today .idea-card') ?? box('.today .notice.empty'),
      action: box('.today .actions .primary') ?? box('.today .notice.empty button'),
    };
  });
}

/** `whole`: the page fits; otherwise (a card a person opened) today's idea and its first action still show. */
function expectFits(fit: Fit, state: string, whole: boolean): void {
  if (whole) expect({ state, height: fit.scrollHeight <= HEIGHT ? 'fits' : fit.scrollHeight }).toEqual({ state, height: 'fits' });
  expect(fit.idea, state).not.toBeNull();
  expect(fit.idea!.top, state).toBeGreaterThanOrEqual(0);
  expect(fit.idea!.bottom, state).toBeLessThanOrEqual(HEIGHT);
  expect(fit.action, state).not.toBeNull();
  expect(fit.action!.bottom, state).toBeLessThanOrEqual(HEIGHT);
}

/** Replaces every record of one store of Tend's database. */
async function writeRecords(page: Page, store: 'checkins' | 'tracks', records: object[]): Promise<void> {
  await page.evaluate(
    async ([name, list]) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('tend');
        r.onsuccess = () => ok(r.result);
      });
      const tx = db.transaction(name, 'readwrite');
      tx.objectStore(name).clear();
      for (const c of list) tx.objectStore(name).put(c);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    [store, records] as const,
  );
}
const writeCheckIns = (page: Page, checkIns: object[]) => writeRecords(page, 'checkins', checkIns);

/** The track step with the longest text in each language: the worst case for the step's box. */
function longestStep(lang: 'en' | 'de'): { trackId: string; step: number } {
  const read = (file: string) => JSON.parse(readFileSync(`assets/library/${file}`, 'utf8')) as { id: string; steps: { text: string }[] }[];
  const tracks = read(lang === 'en' ? 'tracks.json' : 'tracks.de.json');
  const all = tracks.flatMap((t) => t.steps.map((s, step) => ({ trackId: t.id, step, length: s.text.length })));
  const { trackId, step } = all.sort((a, b) => b.length - a.length)[0] as { trackId: string; step: number };
  return { trackId, step };
}

/** The longest idea for two in a language (the pair's pool holds only those), and the others of its kind. */
function longestTogether(lang: 'en' | 'de'): { category: Category; others: string[] } {
  const read = (file: string) => JSON.parse(readFileSync(`assets/library/${file}`, 'utf8')) as { id: string; text: string; category: Category; mode: string; place?: string }[];
  const texts = new Map(read(lang === 'en' ? 'ideas.json' : 'ideas.de.json').map((i) => [i.id, i.text]));
  // Living together (the default), ideas made for apart are not in the pair's pool.
  const together = read('ideas.json').filter((i) => i.mode === 'together' && i.place !== 'apart');
  const longest = [...together].sort((a, b) => (texts.get(b.id)?.length ?? 0) - (texts.get(a.id)?.length ?? 0))[0] as (typeof together)[number];
  return { category: longest.category, others: together.filter((i) => i.category === longest.category && i.id !== longest.id).map((i) => i.id) };
}

async function writePair(page: Page, pair: object | null): Promise<void> {
  await page.evaluate(async (value) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('tend');
      r.onsuccess = () => ok(r.result);
    });
    const tx = db.transaction('state', 'readwrite');
    if (value) tx.objectStore('state').put(value, 'pair');
    else tx.objectStore('state').delete('pair');
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, pair);
}

/** Puts every state the popup opens in on the page, one after another, and measures each. */
async function measureEveryState(session: ReturnType<typeof useTend>, lang: 'en' | 'de'): Promise<Record<string, number>> {
  const page = await session.tend.open('popup');
  await page.setViewportSize({ width: 380, height: HEIGHT });
  await page.waitForSelector('main');
  const now = Date.now();
  const heights: Record<string, number> = {};
  const fits: [string, Fit, boolean][] = [];
  const reset = async () => {
    await patchState(page, 'setup', { finishedAt: now - DAY });
    await patchState(page, 'nudge', { pausedUntil: null, pausedIndefinitely: false, snoozedUntil: null });
    await patchState(page, 'checkin', { notNowDay: null, counsellorShownAt: null, weekly: true });
    await patchPrefs(page, { modeFilter: 'both', hiddenCategories: [] });
    await writeCheckIns(page, []);
    await writeRecords(page, 'tracks', []);
    await writePair(page, null);
    await patchState(page, 'picker', { today: { day: dayKey(now), ideaId: LONGEST[lang] } });
  };
  const check = async (state: string, arrange: () => Promise<void>, hash = '') => {
    await reset();
    await arrange();
    // The popup as opened anew with this address (one load: the address is set in place, then the page reloaded).
    await page.evaluate((h) => history.replaceState(null, '', location.pathname + h), hash);
    await page.reload();
    const fit = await measure(page);
    if (process.env.TEND_FIT_SHOTS) await page.screenshot({ path: `${process.env.TEND_FIT_SHOTS}/${lang}-${state.replace(/ /g, '-')}.png` });
    heights[state] = fit.content;
    fits.push([`${lang} ${state}`, fit, hash === '']);
  };

  await check('usual', async () => {});
  await check('check-in due', () => patchState(page, 'setup', { finishedAt: now - 8 * DAY }));
  await check('check-in opened', () => patchState(page, 'setup', { finishedAt: now - 8 * DAY }), '#checkin');
  await check('counsellor', () =>
    writeCheckIns(page, [
      { id: 'ci-a', at: now - 8 * DAY, answer: 'job', note: '' },
      { id: 'ci-b', at: now - DAY, answer: 'job', note: '' },
    ]),
  );
  await check('paused', () => patchState(page, 'nudge', { pausedIndefinitely: true }));
  await check('setup unfinished', () => patchState(page, 'setup', { finishedAt: null }));
  await check('filters leave nothing', () => patchPrefs(page, { modeFilter: 'solo', hiddenCategories: [...CATEGORIES] }));
  // The pair's idea is its longest idea for two, whatever the day: every other kind left out, the rest set aside.
  const pairCode = () => {
    const longest = longestTogether(lang);
    const choices = pairChoicesFrom({ ...defaultPrefs(), maxIntensity: 'close', hiddenCategories: CATEGORIES.filter((c) => c !== longest.category) }, longest.others);
    return encodePairCode(createPair(new Uint8Array(16).fill(1), { zone: 'Europe/Berlin', choices, libraryFingerprint: 1 }));
  };
  await check('paired', () => writePair(page, { code: pairCode(), pairedAt: now, invited: true }));
  // "Another idea" while paired: this Tend's own pick (the longest of all) with the way back to the pair's.
  await check('paired, own pick', async () => {
    await writePair(page, { code: pairCode(), pairedAt: now, invited: true });
    await patchState(page, 'picker', { today: { day: dayKey(now), ideaId: LONGEST[lang], pairDay: zoneDayKey(now, 'Europe/Berlin') } });
  });
  await check('a track step', () =>
    writeRecords(page, 'tracks', [{ ...longestStep(lang), lastStepDay: null, state: 'running', startedAt: now }]),
  );
  await page.close();
  console.log(`popup heights (${lang})`, heights, fits.map(([s, f]) => `${s}: idea ${f.idea?.top}–${f.idea?.bottom}, action bottom ${f.action?.bottom}`));
  for (const [state, fit, whole] of fits) expectFits(fit, state, whole);
  return heights;
}

describe('the popup fits 380 × 600 in every state', () => {
  const session = useTend();
  it('in English', async () => {
    await measureEveryState(session, 'en');
  });
  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});

describe('the popup fits 380 × 600 in German', () => {
  const session = useTend(() => ({ lang: 'de' }));
  it('in German', async () => {
    await measureEveryState(session, 'de');
  });
});

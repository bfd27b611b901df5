import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, parseBackup, BACKUP_SCHEMA } from '../../../backup/backup';
import { backupErrorMessage, describeBackup, summarizeBackup } from '../../../backup/backup-messages';
import { defaultPrefs } from '../../../model/prefs';
import { PARTNER_WORDS_KEY, parsePartnerWords, type PartnerWord } from '../../../model/partner-words';
import { createTendStore, type TendStore } from '../../../store/db';
import { createPair, encodePairCode } from '../../../together/code/pair-code';
import { pairChoicesFrom } from '../../../together/code/pair-payload';
import { openPartnerWord, shareCode, takeInWord } from '../../../together/shared-checkin/partner-word';
import { pairWeekOf } from '../../../together/shared-checkin/shared-week';
import { wallToEpoch } from '../../../together/zone-time';
import { emptySnapshot, tEn } from '../../helpers';

const pairOf = (seed: number, zone = 'Europe/Berlin') =>
  createPair(new Uint8Array(16).map((_, i) => (i * 13 + seed) & 0xff), { zone, choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 1 });
const PAIR = pairOf(5);
const NOW = wallToEpoch('Europe/Berlin', '2026-12-02', 19 * 60);
const WEEK = pairWeekOf(NOW, 'Europe/Berlin');
const nonce = (n: number) => new Uint8Array(12).fill(n);
const answer = { id: 'c-1', at: NOW - 3600_000, answer: 'job' as const, note: 'A long week.' };

const EMPTY = emptySnapshot();

let store: TendStore;
const fresh = () => (store = createTendStore(`partner-words-${Math.random()}`, { channel: null }));
afterEach(async () => {
  await store?.destroy();
});

describe("taking in the partner's word", () => {
  it('keeps it sealed as it came, one per week; the same code again writes nothing; a newer one of the week replaces it', async () => {
    fresh();
    const code = await shareCode(PAIR, WEEK, answer, false, nonce(1));
    expect(await takeInWord(store, code.toLowerCase(), { pair: PAIR, now: NOW })).toEqual({ done: 'taken', week: WEEK });
    const kept = await store.readState(PARTNER_WORDS_KEY, parsePartnerWords);
    expect(kept).toEqual([{ week: WEEK, code, at: NOW }]);
    // Stored sealed: neither the answer nor the note is readable in what IndexedDB holds.
    expect(JSON.stringify(kept)).not.toMatch(/job|long week/i);
    expect(await openPartnerWord(PAIR, kept[0] as PartnerWord)).toEqual({ answer: 'job', note: '' });

    expect(await takeInWord(store, code, { pair: PAIR, now: NOW + 1000 })).toEqual({ done: 'same', week: WEEK });
    const withNote = await shareCode(PAIR, WEEK, answer, true, nonce(2));
    expect(await takeInWord(store, withNote, { pair: PAIR, now: NOW + 2000 })).toEqual({ done: 'taken', week: WEEK });
    const now = await store.readState(PARTNER_WORDS_KEY, parsePartnerWords);
    expect(now).toHaveLength(1);
    expect(await openPartnerWord(PAIR, now[0] as PartnerWord)).toEqual({ answer: 'job', note: 'A long week.' });
  });

  it('refuses, writing nothing: unpaired, another pair, an older week, an altered code, a pairing code, anything else', async () => {
    fresh();
    const code = await shareCode(PAIR, WEEK, answer, false, nonce(1));
    expect(await takeInWord(store, code, { pair: null, now: NOW })).toEqual({ refused: 'unpaired' });
    expect(await takeInWord(store, code, { pair: pairOf(9), now: NOW })).toEqual({ refused: 'other-pair' });
    const old = await shareCode(PAIR, WEEK - 14, answer, false, nonce(1));
    expect(await takeInWord(store, old, { pair: PAIR, now: NOW })).toEqual({ refused: 'other-week' });
    // A symbol of the sealed part (the week and the pair's tag, in the clear, come first).
    const at = code.length - 8;
    const altered = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    expect(await takeInWord(store, altered, { pair: PAIR, now: NOW })).toEqual({ refused: 'altered' });
    expect(await takeInWord(store, encodePairCode(PAIR), { pair: PAIR, now: NOW })).toEqual({ refused: 'pair-code' });
    expect(await takeInWord(store, 'see you tonight', { pair: PAIR, now: NOW })).toEqual({ refused: 'not-a-code' });
    expect(await store.readState(PARTNER_WORDS_KEY, parsePartnerWords)).toEqual([]);
  });

  it("last week's word is taken in on Monday morning, and opened by the answer given since", async () => {
    fresh();
    const sunday = wallToEpoch('Europe/Berlin', '2026-12-06', 23 * 60);
    const code = await shareCode(PAIR, pairWeekOf(sunday, 'Europe/Berlin'), { ...answer, at: sunday }, false, nonce(3));
    const monday = wallToEpoch('Europe/Berlin', '2026-12-07', 8 * 60);
    expect(await takeInWord(store, code, { pair: PAIR, now: monday })).toEqual({ done: 'taken', week: WEEK });
  });
});

describe('partner words in files and in "Delete all data"', () => {
  it('travel sealed in an export, come back whole, are counted in words; format-5 files import with none', async () => {
    fresh();
    const code = await shareCode(PAIR, WEEK, answer, true, nonce(4));
    await store.replaceAll({ ...EMPTY, pair: { code: encodePairCode(PAIR), pairedAt: 0, invited: true } });
    await takeInWord(store, code, { pair: PAIR, now: NOW });
    const text = createBackup(await store.readSnapshot(), NOW);
    expect(text).not.toContain('A long week');
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.fromSchema).toBe(BACKUP_SCHEMA);
    expect(parsed.snapshot.partnerWords).toEqual([{ week: WEEK, code, at: NOW }]);
    expect(describeBackup(summarizeBackup(parsed), tEn, 'en').holds).toContain("1 check-in word from your partner's Tend");

    await store.clearAll();
    expect((await store.readSnapshot()).partnerWords).toEqual([]);
    await store.replaceAll(parsed.snapshot);
    expect((await store.readSnapshot()).partnerWords).toEqual([{ week: WEEK, code, at: NOW }]);

    const older = JSON.parse(text);
    delete older.partnerWords;
    older.schema = 5;
    const fromOlder = parseBackup(JSON.stringify(older));
    expect(fromOlder.ok && fromOlder.snapshot.partnerWords).toEqual([]);
  });

  it('a damaged word is named, and nothing is imported', () => {
    const file = JSON.parse(createBackup({ ...EMPTY, partnerWords: [{ week: WEEK, code: 'TENDWORD-ABCDE', at: NOW }] }, NOW));
    file.partnerWords.push({ week: -1, code: 'x', at: NOW });
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed).toEqual({ ok: false, error: { code: 'unreadable-entries', part: 'partnerWords', count: 1 } });
    if (!parsed.ok) expect(backupErrorMessage(parsed.error, tEn, 'en')).toContain("One check-in word from your partner's Tend");
  });
});

/**
 * What the popup shows and what its buttons do, answered by the background worker. The popup sends
 * a small request (open, "Another idea", Favourite, a pause…); the worker reads what is stored, picks,
 * writes only what changed (read-change-write, one transaction each) and answers with everything the
 * popup draws. So the popup loads none of the store, idb, the picker or the library: its whole opening
 * stays small. No browser calls here: the worker hands in the store, the library, the time and the words.
 */
import { checkInNowOffered, counsellorDue, isCheckInDue } from '../checkin/checkin';
import { parseCheckInState, CHECKIN_STATE_KEY, type PickerState, type CheckIn, type Mark } from '../model/records';
import { dayKey, dayKeyBefore, startOfNextDay } from '../lib/day';
import { DbOpenError } from '../store/open-db';
import type { Idea } from '../model/vocabulary';
import { isPaused, pause, resume, snooze } from '../nudges/pause';
import { anotherIdea, createPickerState, eligibleIdeas, fitsHour, todaysIdea, type PickOptions, type PickResult } from './picker';
import { PREF_RANGES, type Prefs, themeOf } from '../model/prefs';
import { parsePopupRequest, type PopupRequest } from './popup-request';
import { parseSetup, SETUP_KEY } from '../model/setup';
import { nudgeShownRecently, statusLine } from '../nudges/status-line';
import type { PopupAnswer, PopupContext, PopupView } from './popup-answer';
import { onPairDay, pairPick, type PairToday } from '../together/pair-today';
import type { TrackView } from '../tracks/track-view';
import type { TrackProgress } from '../model/track-progress';

/** Recent ideas: those shown in the last two weeks. */
const RECENT_DAYS = 14;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** What a pick is made from, read from the store in one go. */
interface Inputs {
  prefs: Prefs;
  library: Idea[];
  marks: Map<string, Mark>;
  hidden: Set<string>;
  stored: PickerState | null;
  picker: PickerState;
  options: PickOptions;
  checkIns: CheckIn[];
  time: number;
  /** The current local day: the only day for which a pick is written. */
  today: string;
  /** The stored pairing code, and what it means for today (null: not paired). */
  pairCode: string | null;
  pair: PairToday | null;
}

function randomSalt(random: () => number): string {
  return Math.floor(random() * 2 ** 32).toString(36) + Math.floor(random() * 2 ** 32).toString(36);
}

async function gather({ store, loadIdeas, now, random }: PopupContext): Promise<Inputs> {
  const [prefs, ideas, markList, stored, own, checkIns, paired] = await Promise.all([
    store.readPrefs(),
    loadIdeas(),
    store.readAllMarks(),
    store.readPickerState(),
    // A damaged record of these is skipped by the store; an unreadable store never blocks today's idea.
    store.readOwnIdeas().catch(() => []),
    store.readCheckIns().catch(() => []),
    store.readPair().catch(() => null),
  ]);
  const time = now();
  // The own-ideas and leaning rules load only for someone who has own ideas or check-ins.
  const ownIdeas = prefs.showOwnIdeas && own.length > 0 ? own.map((await import('./own/own-ideas')).ownIdeaToIdea) : [];
  const marks = new Map(markList.map((m) => [m.ideaId, m]));
  const hidden = new Set(markList.filter((m) => m.hidden).map((m) => m.ideaId));
  const pairCode = paired?.code ?? null;
  return {
    prefs,
    library: [...ideas, ...ownIdeas],
    marks,
    hidden,
    stored,
    picker: stored ?? createPickerState(randomSalt(random)),
    options: {
      hour: new Date(time).getHours(),
      lean: checkIns.length > 0 ? (await import('../checkin/leaning')).activeLeaning(checkIns, time) : null,
      own: prefs.showOwnIdeas ? own.map(({ id, createdAt }) => ({ id, createdAt })) : [],
    },
    checkIns,
    time,
    today: dayKey(time),
    pairCode,
    pair: await pairTodayFrom(pairCode, ideas, hidden, time),
  };
}

/** While paired, today's pick is the pair's (together/pair-today.ts); otherwise the picker's. */
const pickOf = (input: Inputs, day: string) =>
  (input.pair && day === input.today && pairPick(input.pair, input.picker, day, input.library, input.hidden)) ||
  todaysIdea(input.library, input.prefs, input.hidden, input.picker, day, input.options);

/** The inputs once `ideaId` is set aside too (the pair's idea of the day may move on with it). */
async function withHidden(input: Inputs, ideaId: string): Promise<Inputs> {
  const hidden = new Set([...input.hidden, ideaId]);
  return { ...input, hidden, pair: input.pair && (await pairTodayFrom(input.pairCode, input.library, hidden, input.time)) };
}

/** The pairing's part of a pick; its code loads only on a paired Tend. */
async function pairTodayFrom(code: string | null, library: Idea[], hidden: Set<string>, time: number): Promise<PairToday | null> {
  return code === null ? null : (await import('../together/pair-today-of')).pairTodayOf(code, library, hidden, time);
}

/**
 * The day a request is answered for: its own day when that is today; otherwise (a stale page) the
 * day of the stored pick, so it shows what is stored. Such an answer is never written.
 */
const answerDay = (input: Inputs, day: string) => (day === input.today ? day : (input.stored?.today?.day ?? day));

/** The idea the popup shows on `day` per what is stored (null before any pick that day). */
const shownOn = (state: PickerState | null, day: string) => (state?.today?.day === day ? state.today.ideaId : null);

/**
 * Stores a new pick (state and history) only if the stored state is still the one it was computed
 * from; another context that moved on first wins, and nothing is written.
 */
async function commit({ store }: PopupContext, input: Inputs, result: PickResult, day: string): Promise<void> {
  if (result.state === input.stored || day !== input.today) return;
  const shown = result.kind === 'idea' ? { day: result.state.today?.day ?? day, ideaId: result.idea.id, at: input.time } : null;
  await store.commitPick(input.stored, result.state, shown);
}

/** The filters with only what empties them undone: kinds, company and length; closeness only if still needed. */
function widenedFilters(input: Inputs): Partial<Prefs> {
  const patch: Partial<Prefs> = { hiddenCategories: [], modeFilter: 'both', maxMinutes: PREF_RANGES.maxMinutes.max };
  return eligibleIdeas(input.library, { ...input.prefs, ...patch }, input.hidden).length > 0 ? patch : { ...patch, maxIntensity: 'close' };
}

/** Today's idea (picked and stored if it was not yet) and everything around it. */
async function compose(ctx: PopupContext, requestDay: string): Promise<PopupView> {
  const input = await gather(ctx);
  const day = answerDay(input, requestDay);
  const result = pickOf(input, day);
  await commit(ctx, input, result, day);
  const { store, t, locale } = ctx;
  const { prefs, library, marks, time } = input;
  const [history, nudge, setup, checkInState, generation, tracks] = await Promise.all([
    store.readHistorySince(dayKeyBefore(time, RECENT_DAYS - 1)),
    store.readNudgeState(),
    store.readState(SETUP_KEY, parseSetup),
    store.readState(CHECKIN_STATE_KEY, parseCheckInState).catch(() => parseCheckInState(null)),
    store.readGeneration(),
    // An unreadable tracks store never blocks today's idea.
    store.readTracks().catch(() => []),
  ]);
  const idea = result.kind === 'idea' ? result.idea : null;
  // Tomorrow's pair idea is not foretold: the pair's day may turn at another hour than this Tend's.
  const ahead = input.pair ? null : pickOf({ ...input, picker: result.state, options: { ...input.options, hour: undefined } }, dayKey(startOfNextDay(time)));
  const byId = new Map(library.map((i) => [i.id, i]));
  const known = (ids: Iterable<string>) => [...ids].map((id) => byId.get(id)).filter((i): i is Idea => i !== undefined);
  const mark = idea ? marks.get(idea.id) : undefined;
  const menuOn = setup.finishedAt !== null && prefs.nudgesEnabled && prefs.nudgesPerDay >= 1 && !isPaused(nudge, time);
  return {
    theme: themeOf(prefs),
    idea,
    empty: result.kind === 'empty' ? result.reason : null,
    favourite: mark?.favourite ?? false,
    triedToday: mark?.triedOn.includes(dayKey(time)) ?? false,
    recent: known(new Set(history.map((e) => e.ideaId).filter((id) => id !== idea?.id))),
    favourites: known([...marks.values()].filter((m) => m.favourite).map((m) => m.ideaId)),
    tomorrow: ahead?.kind === 'idea' ? ahead.idea : null,
    // Picked without an hour, it is the day's pick at every hour it fits (see view-cache.ts).
    tomorrowHours: ahead?.kind === 'idea' ? HOURS.filter((h) => fitsHour(ahead.idea.when, h)) : [],
    status: statusLine({ prefs, nudge, setup, now: time, locale, t }),
    menu: menuOn ? { later: nudgeShownRecently(nudge, time) } : null,
    checkIn: isCheckInDue(setup.finishedAt, input.checkIns, checkInState, time) || counsellorDue(input.checkIns, checkInState, time),
    checkInNow: checkInNowOffered(setup.finishedAt, input.checkIns, time),
    generation,
    pair: input.pair?.result.kind === 'idea' && day === input.today
      ? { ours: idea?.id === input.pair.result.idea.id, passedOver: input.pair.result.passedOver }
      : null,
    track: await trackPart(ctx, tracks, input.today),
  };
}

/** A track's part of the view; its code loads only while one has records. */
async function trackPart({ loadTracks }: PopupContext, records: TrackProgress[], today: string): Promise<TrackView | null> {
  if (!loadTracks || records.length === 0) return null;
  return (await import('../tracks/track-view')).trackViewOf(records, loadTracks, today).catch(() => null);
}

/** Carries out one request, then answers with what the popup shows now. */
async function carryOut(ctx: PopupContext, request: PopupRequest): Promise<PopupView> {
  const { store, now } = ctx;
  const { day } = request;
  switch (request.kind) {
    case 'view':
      break;
    case 'another': {
      const input = await gather(ctx);
      if (shownOn(input.stored, day) === request.from) {
        const next = anotherIdea(input.library, input.prefs, input.hidden, input.picker, day, input.options);
        await commit(ctx, input, { ...next, state: onPairDay(next.state, input.pair) }, day);
      }
      break;
    }
    case 'ours': {
      // "Our idea": back to the pair's idea after "Another idea" (only while the pair has one today).
      const input = await gather(ctx);
      if (input.pair?.result.kind === 'idea') await commit(ctx, input, pickOf({ ...input, picker: { ...input.picker, today: null } }, day), day);
      break;
    }
    case 'hide': {
      const input = await gather(ctx);
      const ideaId = shownOn(input.stored, day);
      if (day !== input.today || ideaId === null || ideaId !== request.from) break;
      await store.updateMark(ideaId, (m) => ({ ...m, hidden: true }));
      const result = pickOf(await withHidden(input, ideaId), day);
      await commit(ctx, input, result, day);
      const undo: PopupRequest = { kind: 'undo-hide', day, ideaId, before: input.picker, after: result.state };
      return { ...(await compose(ctx, day)), undo };
    }
    case 'undo-hide':
      // Refused by the store when the pick or the mark changed since (another page, "Delete all data").
      await store.undoHide(request.ideaId, request.before, request.after);
      break;
    case 'mark': {
      const { ideaId, favourite, tried } = request;
      // An Undo (a favourite put back) is refused after "Delete all data" or an import.
      if (request.generation !== undefined && request.generation !== (await store.readGeneration())) break;
      const today = dayKey(now());
      await store.updateMark(ideaId, (m) => ({
        ...m,
        ...(favourite === undefined ? {} : { favourite }),
        ...(tried === undefined ? {} : { triedOn: tried ? [...m.triedOn, today] : m.triedOn.filter((d) => d !== today) }),
      }));
      break;
    }
    case 'show': {
      const input = await gather(ctx);
      const { picker } = input;
      const { ideaId } = request;
      const next: PickerState = onPairDay({
        ...picker,
        shown: picker.shown.includes(ideaId) ? picker.shown : [...picker.shown, ideaId],
        deferred: picker.deferred.filter((id) => id !== ideaId),
        today: { day, ideaId },
      }, input.pair);
      // Shown only if the picker keeps it as today's idea; never a third idea in its place.
      const kept = pickOf({ ...input, picker: next }, day);
      if (kept.kind !== 'idea' || kept.idea.id !== ideaId) {
        const reason = !input.library.some((i) => i.id === ideaId) ? 'gone' : input.hidden.has(ideaId) ? 'hidden' : 'filters';
        return { ...(await compose(ctx, day)), cannotShow: reason };
      }
      if (day === input.today) await store.commitPick(input.stored, next, { day, ideaId, at: input.time });
      break;
    }
    case 'bring-back': {
      const input = await gather(ctx);
      const result = pickOf(input, day);
      if (result.kind !== 'empty') break;
      if (result.reason === 'hidden') await store.unhideAll();
      else await store.patchPrefs(widenedFilters(input));
      break;
    }
    case 'track':
      if (ctx.loadTracks) await (await import('../tracks/track-view')).takeTrackStep(store, ctx.loadTracks, request, dayKey(now()));
      break;
    case 'nudges': {
      const { choice } = request;
      if (choice === 'turn-on') {
        await store.patchPrefs((stored) => ({ nudgesEnabled: true, nudgesPerDay: Math.max(1, stored.nudgesPerDay) }));
      } else {
        const time = now();
        await store.updateNudgeState((s) =>
          choice === 'resume' ? resume(s) : 'pause' in choice ? pause(s, choice.pause, time) : snooze(s, choice.snooze, time),
        );
      }
      await ctx.replan();
      break;
    }
  }
  return compose(ctx, day);
}

/**
 * The worker's answer to a popup message: the view after the request, or why the data cannot be
 * opened (the popup then offers its ways out). A message that is not a popup request gets null.
 */
export async function answerPopup(raw: unknown, ctx: PopupContext): Promise<PopupAnswer | null> {
  const request = parsePopupRequest(raw);
  if (request === null) return null;
  try {
    return { view: await carryOut(ctx, request) };
  } catch (error) {
    if (error instanceof DbOpenError) return { trouble: error.reason };
    throw error;
  }
}

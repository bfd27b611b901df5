/** Stored records besides preferences, and validators that turn unknown data into them. Pure. */
import { IDEA_TEXT_MAX, isCategory, isIntensity, isMode, type Category, type Intensity, type Mode } from './vocabulary';
import { createNudgeState, type NudgeState } from './nudge-state';
import { cleanText, isPlainText } from '../lib/text';
import { isRecord } from '../lib/record';

export interface HistoryEntry {
  /** Local day 'YYYY-MM-DD' the idea was shown on. */
  day: string;
  ideaId: string;
  at: number;
}

export interface Mark {
  ideaId: string;
  favourite: boolean;
  /** "Not for us": never shown again unless undone. */
  hidden: boolean;
  /** Days this idea was tried ("We tried this"). */
  triedOn: string[];
}

/** How an idea with no record stands: nothing marked. */
export const blankMark = (ideaId: string): Mark => ({ ideaId, favourite: false, hidden: false, triedOn: [] });
/** Nothing marked: such a mark is not stored (its record is deleted). */
export const isBlankMark = (mark: Mark): boolean => !mark.favourite && !mark.hidden && mark.triedOn.length === 0;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
export const isDayKey = (v: unknown): v is string => typeof v === 'string' && DAY_RE.test(v);

export function parseHistoryEntry(raw: unknown): HistoryEntry | null {
  if (!isRecord(raw) || !isDayKey(raw.day) || typeof raw.ideaId !== 'string' || !isTime(raw.at)) return null;
  return { day: raw.day, ideaId: raw.ideaId, at: raw.at };
}

export function parseMark(raw: unknown): Mark | null {
  if (!isRecord(raw) || typeof raw.ideaId !== 'string' || raw.ideaId.length === 0) return null;
  return {
    ideaId: raw.ideaId,
    favourite: raw.favourite === true,
    hidden: raw.hidden === true,
    triedOn: isStringArray(raw.triedOn) ? raw.triedOn.filter(isDayKey) : [],
  };
}

export function parsePickerState(raw: unknown): PickerState | null {
  if (!isRecord(raw) || typeof raw.salt !== 'string' || raw.salt.length === 0) return null;
  const today =
    isRecord(raw.today) && isDayKey(raw.today.day) && typeof raw.today.ideaId === 'string'
      ? { day: raw.today.day, ideaId: raw.today.ideaId, ...(isDayKey(raw.today.pairDay) ? { pairDay: raw.today.pairDay } : {}) }
      : null;
  return {
    salt: raw.salt,
    cycle: Number.isInteger(raw.cycle) && (raw.cycle as number) >= 0 ? (raw.cycle as number) : 0,
    shown: isStringArray(raw.shown) ? raw.shown : [],
    deferred: isStringArray(raw.deferred) ? raw.deferred : [],
    today,
  };
}

export function parseNudgeState(raw: unknown): NudgeState {
  const d = createNudgeState();
  if (!isRecord(raw)) return d;
  const time = (v: unknown) => (isTime(v) ? v : null);
  return {
    lastNudgeAt: time(raw.lastNudgeAt),
    snoozedUntil: time(raw.snoozedUntil),
    pausedUntil: time(raw.pausedUntil),
    pausedIndefinitely: raw.pausedIndefinitely === true,
    waitingSince: time(raw.waitingSince),
    lastLineId: typeof raw.lastLineId === 'string' ? raw.lastLineId : null,
    blockedAt: time(raw.blockedAt),
    plannedAt: time(raw.plannedAt),
    handlingSince: time(raw.handlingSince),
  };
}

/** How closeness felt this week: descriptions, never grades. */
export const CHECKIN_ANSWERS = ['connecting', 'mixed', 'job'] as const;
export type CheckInAnswer = (typeof CHECKIN_ANSWERS)[number];
export const CHECKIN_NOTE_MAX = 280;

/** One weekly check-in: when, the answer's id, and a private note (may be empty). */
export interface CheckIn {
  id: string;
  at: number;
  answer: CheckInAnswer;
  note: string;
}

export function parseCheckIn(raw: unknown): CheckIn | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id.length === 0 || raw.id.length > 64 || !isTime(raw.at)) return null;
  if (!(CHECKIN_ANSWERS as readonly unknown[]).includes(raw.answer)) return null;
  const note = raw.note === undefined ? '' : raw.note;
  if (typeof note !== 'string' || note.length > CHECKIN_NOTE_MAX || !isPlainText(note)) return null;
  return { id: raw.id, at: raw.at, answer: raw.answer as CheckInAnswer, note };
}

/** Conversations had (Talk together): which one, on which days. */
export interface TalkRecord {
  talkId: string;
  days: string[];
}

export function parseTalkRecord(raw: unknown): TalkRecord | null {
  if (!isRecord(raw) || typeof raw.talkId !== 'string' || raw.talkId.length === 0 || raw.talkId.length > 64) return null;
  if (!isStringArray(raw.days)) return null;
  return { talkId: raw.talkId, days: [...new Set(raw.days.filter(isDayKey))].sort() };
}

/** An idea the person wrote or brought in (Settings › Your ideas). */
export interface OwnIdea {
  id: string;
  text: string;
  category: Category;
  mode: Mode;
  /** Rough minutes, when the person gave them. */
  minutes: number | null;
  intensity: Intensity;
  createdAt: number;
}

export function parseOwnIdea(raw: unknown): OwnIdea | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !/^own-[\w-]{1,60}$/.test(raw.id)) return null;
  // The rules of every typed text (text.ts): plain text with something visible in it.
  const checked = cleanText(raw.text as string);
  if ('error' in checked) return null;
  const text = checked.text;
  if (text.length > IDEA_TEXT_MAX || !isTime(raw.createdAt)) return null;
  if (!isCategory(raw.category) || !isMode(raw.mode) || !isIntensity(raw.intensity)) return null;
  const minutes = raw.minutes === null || raw.minutes === undefined ? null : raw.minutes;
  if (minutes !== null && !(Number.isInteger(minutes) && (minutes as number) >= 1 && (minutes as number) <= 60)) return null;
  return { id: raw.id, text, category: raw.category, mode: raw.mode, minutes: minutes as number | null, intensity: raw.intensity, createdAt: raw.createdAt };
}

/** The one order of history everywhere (store snapshot, export, import): by time, then day, then idea. */
export function compareHistory(a: HistoryEntry, b: HistoryEntry): number {
  return a.at - b.at || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0);
}

/** Where the picker stands: stored under 'picker' in the 'state' store. */
export interface PickerState {
  /** Per-install salt so every install walks the library in its own order. */
  salt: string;
  /** Which pass through the library this is; each pass has a new order. */
  cycle: number;
  /** Ideas shown in this cycle, oldest first. */
  shown: string[];
  /** Ideas skipped with "Another idea" in this cycle: they come back at its end. */
  deferred: string[];
  /** Today's idea; `pairDay` while paired: the pair's day it was chosen on (the pair's idea changes at the pair's midnight). */
  today: { day: string; ideaId: string; pairDay?: string } | null;
}

/** The state record's key in the 'state' store. */
export const CHECKIN_STATE_KEY = 'checkin';

export interface CheckInState {
  /** The local day "Not now" was chosen on: the card waits for the next day's first opening. */
  notNowDay: string | null;
  /** When the counsellor card was last shown. */
  counsellorShownAt: number | null;
  /** Weekly check-ins on (the default) or off; "Check in now" works either way. */
  weekly: boolean;
}

export function createCheckInState(): CheckInState {
  return { notNowDay: null, counsellorShownAt: null, weekly: true };
}

/** A missing or damaged record means defaults for the bad fields. */
export function parseCheckInState(raw: unknown): CheckInState {
  const d = createCheckInState();
  if (!isRecord(raw)) return d;
  const notNowDay = typeof raw.notNowDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.notNowDay) ? raw.notNowDay : null;
  const shown = raw.counsellorShownAt;
  return {
    notNowDay,
    counsellorShownAt: typeof shown === 'number' && Number.isFinite(shown) && shown >= 0 ? shown : null,
    weekly: raw.weekly !== false,
  };
}

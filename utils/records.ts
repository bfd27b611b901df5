/** Stored records besides preferences, and validators that turn unknown data into them. Pure. */
import type { PickerState } from './picker';
import { createNudgeState, type NudgeState } from './schedule';

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

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
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
      ? { day: raw.today.day, ideaId: raw.today.ideaId }
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

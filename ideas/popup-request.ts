/**
 * The requests the popup sends the background worker (popup-view.ts answers them), and their check:
 * a message is taken only when it is a well-formed request. Pure.
 */
import { PAUSES, SNOOZES, type Pause, type Snooze } from '../nudges/pause';
import { type PickerState, isDayKey, parsePickerState } from '../model/records';
import { isRecord } from '../lib/record';

/** The pause menu's choices, and the status line's two ways back ("Resume", "Turn on"). */
export type NudgeChoice = { pause: Pause } | { snooze: Snooze } | 'resume' | 'turn-on';

/**
 * `day` is the day the popup opened on: an open popup keeps the idea under the cursor when midnight
 * passes. Only a request for the current day picks and writes a pick; one for another day (a page
 * left open past midnight, a clock that differs) is answered with what is stored and writes no pick,
 * so pages on different days never pick in turn. `from` is the idea the popup shows: when another page
 * moved on meanwhile, the request changes nothing (a stale popup never writes an old pick back) and
 * the answer shows what is stored.
 */
export type PopupRequest =
  | { kind: 'view'; day: string }
  | { kind: 'another'; day: string; from: string | null }
  | { kind: 'hide'; day: string; from: string | null }
  | { kind: 'mark'; day: string; ideaId: string; favourite?: boolean; tried?: boolean; generation?: string | null }
  | { kind: 'show'; day: string; ideaId: string }
  | { kind: 'undo-hide'; day: string; ideaId: string; before: PickerState; after: PickerState }
  | { kind: 'bring-back'; day: string }
  /** "Our idea": back to the pair's idea of the day after "Another idea". */
  | { kind: 'ours'; day: string }
  | { kind: 'nudges'; day: string; choice: NudgeChoice }
  /** "We did this" or "Skip" on step `step` of a running track (a stale page's step changes nothing). */
  | { kind: 'track'; day: string; trackId: string; step: number; outcome: 'done' | 'skip' };

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isOptionalBoolean = (v: unknown) => v === undefined || typeof v === 'boolean';

function parseChoice(raw: unknown): NudgeChoice | null {
  if (raw === 'resume' || raw === 'turn-on') return raw;
  if (!isRecord(raw)) return null;
  if ((PAUSES as readonly unknown[]).includes(raw.pause)) return { pause: raw.pause as Pause };
  if ((SNOOZES as readonly unknown[]).includes(raw.snooze)) return { snooze: raw.snooze as Snooze };
  return null;
}

/** The request a message carries, or null. Never throws. */
export function parsePopupRequest(raw: unknown): PopupRequest | null {
  if (!isRecord(raw) || !isDayKey(raw.day)) return null;
  const { day } = raw;
  const from = raw.from === null || isId(raw.from) ? (raw.from as string | null) : undefined;
  switch (raw.kind) {
    case 'view':
    case 'bring-back':
    case 'ours':
      return { kind: raw.kind, day };
    case 'another':
    case 'hide':
      return from === undefined ? null : { kind: raw.kind, day, from };
    case 'mark':
      if (!isId(raw.ideaId) || !isOptionalBoolean(raw.favourite) || !isOptionalBoolean(raw.tried)) return null;
      if (!(raw.generation === undefined || raw.generation === null || isId(raw.generation))) return null;
      return {
        kind: 'mark',
        day,
        ideaId: raw.ideaId,
        favourite: raw.favourite as boolean | undefined,
        tried: raw.tried as boolean | undefined,
        ...(raw.generation === undefined ? {} : { generation: raw.generation as string | null }),
      };
    case 'show':
      return isId(raw.ideaId) ? { kind: 'show', day, ideaId: raw.ideaId } : null;
    case 'undo-hide': {
      const before = parsePickerState(raw.before);
      const after = parsePickerState(raw.after);
      return isId(raw.ideaId) && before && after ? { kind: 'undo-hide', day, ideaId: raw.ideaId, before, after } : null;
    }
    case 'nudges': {
      const choice = parseChoice(raw.choice);
      return choice ? { kind: 'nudges', day, choice } : null;
    }
    case 'track': {
      const { trackId, step, outcome } = raw;
      if (!isId(trackId) || !Number.isInteger(step) || (step as number) < 0 || (outcome !== 'done' && outcome !== 'skip')) return null;
      return { kind: 'track', day, trackId, step: step as number, outcome };
    }
    default:
      return null;
  }
}

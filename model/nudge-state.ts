/**
 * The stored nudge state and its fresh value. Apart from schedule.ts (which re-exports both), so
 * the records that parse it do not bring the whole scheduler into the popup.
 */
export interface NudgeState {
  /** When the last nudge was shown (or became due while the user was away). */
  lastNudgeAt: number | null;
  /** "Remind me later": the next nudge comes at the first together-hours minute from here. */
  snoozedUntil: number | null;
  /** No nudges before this time. */
  pausedUntil: number | null;
  /** Paused until the person resumes. */
  pausedIndefinitely: boolean;
  /** A nudge fell due while the person was idle or locked; it waits for their return. */
  waitingSince: number | null;
  /** The nudge line shown last, so the next one differs. */
  lastLineId: string | null;
  /** Set when the browser or system refused a notification; cleared when one gets through. */
  blockedAt: number | null;
  /**
   * When the pending alarm is due. Alarms do not survive every restart (Firefox, a reloaded
   * unpacked extension), so a start that finds no alarm but a past plannedAt knows a nudge came due while closed.
   */
  plannedAt: number | null;
  /** A context is handling a due nudge since then; a second one (a double alarm, a racing start) stands back. */
  handlingSince: number | null;
}

export function createNudgeState(): NudgeState {
  return {
    lastNudgeAt: null,
    snoozedUntil: null,
    pausedUntil: null,
    pausedIndefinitely: false,
    waitingSince: null,
    lastLineId: null,
    blockedAt: null,
    plannedAt: null,
    handlingSince: null,
  };
}

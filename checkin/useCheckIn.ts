/** What the check-in cards need from the store, and the writes they make. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { cleanNote } from './checkin';
import { CHECKIN_STATE_KEY, parseCheckInState, type CheckInState, CHECKIN_NOTE_MAX, type CheckIn, type CheckInAnswer } from '../model/records';
import { dayKey } from '../lib/day';
import { parseSetup, SETUP_KEY } from '../model/setup';
import { useServices } from '../platform/services';

export interface CheckInData {
  /** When the welcome was finished; null while it is not. */
  setupFinishedAt: number | null;
  /** Newest first. */
  checkIns: CheckIn[];
  state: CheckInState;
}

export interface CheckInActions {
  /** Stores the answer under `id` (one per card): the same id again adds nothing. */
  answer: (answer: CheckInAnswer, note: string, id: string) => Promise<CheckIn>;
  /** Hides the weekly card until the next day's first opening. */
  notNow: () => Promise<void>;
  counsellorShown: () => Promise<void>;
  setWeekly: (on: boolean) => Promise<void>;
  /**
   * Deletes one check-in; the returned function puts it back, unless it is back already or the data
   * was wiped since (then it answers false). Null when it was gone already.
   */
  remove: (checkIn: CheckIn) => Promise<(() => Promise<boolean>) | null>;
  removeAll: () => Promise<void>;
}

export function useCheckIn(): { data: CheckInData | null; failed: boolean } & CheckInActions {
  const { store, now } = useServices();
  const [data, setData] = useState<CheckInData | null>(null);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [setup, checkIns, state] = await Promise.all([
        store.readState(SETUP_KEY, parseSetup),
        store.readCheckIns(),
        store.readState(CHECKIN_STATE_KEY, parseCheckInState),
      ]);
      setData({ setupFinishedAt: setup.finishedAt, checkIns, state });
      setFailed(false);
    } catch {
      // The page shows its own message when the database cannot be read; the check-in stays out of the way.
      setFailed(true);
    }
  }, [store]);

  useEffect(() => {
    void reload();
    // Answers given in another page, an import or "Delete all data" show here at once.
    return store.onChange((change) => {
      if (change === 'checkins' || change === 'state' || change === 'all') void reload();
    });
  }, [store, reload]);

  const changeState = useCallback(
    async (change: (state: CheckInState) => CheckInState) => {
      await store.updateState(CHECKIN_STATE_KEY, parseCheckInState, change);
    },
    [store],
  );

  const answer = async (value: CheckInAnswer, note: string, id: string): Promise<CheckIn> => {
    const checkIn: CheckIn = { id, at: now(), answer: value, note: cleanNote(note, CHECKIN_NOTE_MAX) };
    await store.addCheckIn(checkIn);
    await changeState((s) => (s.notNowDay === null ? s : { ...s, notNowDay: null }));
    await reload();
    return checkIn;
  };

  return {
    data,
    failed,
    answer,
    async notNow() {
      const today = dayKey(now());
      await changeState((s) => (s.notNowDay === today ? s : { ...s, notNowDay: today }));
      await reload();
    },
    async counsellorShown() {
      const at = now();
      await changeState((s) => ({ ...s, counsellorShownAt: at }));
      await reload();
    },
    async setWeekly(on) {
      await changeState((s) => (s.weekly === on ? s : { ...s, weekly: on }));
      await reload();
    },
    async remove(checkIn) {
      const removed = await store.removeCheckIn(checkIn.id);
      await reload();
      if (!removed) return null;
      return async () => {
        const restored = await store.restoreCheckIn(removed);
        await reload();
        return restored;
      };
    },
    async removeAll() {
      await store.clearCheckIns();
      await reload();
    },
  };
}

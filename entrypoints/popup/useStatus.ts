/** What the status line needs beyond usePopup: preferences, the nudge state (planned time) and setup, kept fresh. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Services } from '../../components/services';
import type { Prefs } from '../../utils/prefs';
import type { NudgeState } from '../../utils/schedule';
import { parseSetup, SETUP_KEY, type Setup } from '../../utils/setup';

export interface StatusData {
  prefs: Prefs;
  nudge: NudgeState;
  setup: Setup;
}

export function useStatus({ store }: Services): { status: StatusData | null; refresh: () => Promise<void> } {
  const [status, setStatus] = useState<StatusData | null>(null);
  const refresh = useCallback(async () => {
    try {
      const [prefs, nudge, setup] = await Promise.all([store.readPrefs(), store.readNudgeState(), store.readState(SETUP_KEY, parseSetup)]);
      setStatus({ prefs, nudge, setup });
    } catch {
      // The idea matters more than this line: without the data the line simply stays away.
    }
  }, [store]);
  useEffect(() => {
    void refresh();
    // The planned time arrives from the worker a moment after opening; other pages change the rest.
    return store.onChange(() => void refresh());
  }, [store, refresh]);
  return { status, refresh };
}

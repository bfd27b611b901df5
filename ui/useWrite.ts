import { useCallback, useRef, useState } from 'preact/hooks';

/**
 * A write in flight: while `run`'s work is on its way, a second click or Enter on the same control
 * does nothing (the guard is a ref, so even two clicks before the next render are one write), and
 * `busy` lets the control say so (`aria-disabled`, keeping the focus where it is).
 */
export function useWrite() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** The attributes a control gets while its write runs: announced as busy, not clickable, still focusable. */
export const busyProps = (busy: boolean) => (busy ? { 'aria-disabled': 'true' as const, 'aria-busy': 'true' as const } : {});

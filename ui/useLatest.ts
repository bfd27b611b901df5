import { useRef } from 'preact/hooks';

/**
 * Reads whose result shows only if nothing began after them: a slower, older read (one begun before a write, or
 * before a newer read) never puts back what the page has since shown.
 */
export function useLatest() {
  const begun = useRef(0);
  return {
    /** A write begins here: any read still on its way is now old. */
    writing(): void {
      begun.current += 1;
    },
    /** Reads, and gives the result to `show` only if nothing began in the meantime. */
    async read<T>(read: () => Promise<T>, show: (value: T) => void): Promise<void> {
      const mine = ++begun.current;
      const value = await read();
      if (mine === begun.current) show(value);
    },
  };
}

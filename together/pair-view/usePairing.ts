import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import type { PairState } from '../../model/pair';
import type { Prefs } from '../../model/prefs';
import type { Mark } from '../../model/records';
import type { Idea } from '../../model/vocabulary';
import { libraryFingerprint } from '../code/library-fingerprint';
import { payloadOf, sameChoices, sharedChoices } from '../pairing';

/**
 * The pairing as stored, and whether this Tend's shared choices moved on from its code. Read again
 * whenever another page writes the pairing or the marks, and whenever the page's preferences change
 * (a page does not hear its own writes).
 */
export function usePairing(prefs: Prefs) {
  const { store, loadIdeas } = useServices();
  /** undefined: not read yet. */
  const [pair, setPair] = useState<PairState | null | undefined>(undefined);
  const [marks, setMarks] = useState<Mark[]>([]);
  const [library, setLibrary] = useState<Idea[] | null>(null);
  const reads = useRef(0);

  const read = useCallback(async () => {
    // Only the latest read is shown: an earlier one finishing last would be stale.
    const mine = ++reads.current;
    const [stored, storedMarks] = await Promise.all([store.readPair(), store.readAllMarks()]);
    if (mine !== reads.current) return;
    setPair(stored);
    setMarks(storedMarks);
  }, [store]);

  useEffect(() => {
    void loadIdeas().then(setLibrary, () => {});
    return store.onChange((change) => {
      if (change === 'pair' || change === 'marks' || change === 'all') void read();
    });
  }, [store]);
  useEffect(() => void read(), [read, prefs]);

  const payload = useMemo(() => payloadOf(pair ?? null), [pair?.code]);
  const differs = useMemo(
    () => payload !== null && !sameChoices(payload, sharedChoices(prefs, marks, payload)),
    [payload, prefs, marks],
  );
  const fingerprint = useMemo(() => (library ? libraryFingerprint(library) : null), [library]);

  /** A write made here: shown at once, and no read still on its way may put the old one back. */
  const wrote = (next: PairState | null) => {
    reads.current += 1;
    setPair(next);
  };
  return { pair, payload, differs, library, fingerprint, read, wrote };
}

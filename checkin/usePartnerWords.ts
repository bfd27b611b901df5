/** The pairing and the partner's check-in words, as the Check-ins section shows them: opened only where this Tend answered too. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../platform/services';
import type { CheckIn } from '../model/records';
import { parsePartnerWords, PARTNER_WORDS_KEY, type PartnerWord } from '../model/partner-words';
import type { PairPayload } from '../together/code/pair-payload';
import { payloadOf } from '../together/pairing';
import { openPartnerWord } from '../together/shared-checkin/partner-word';
import type { SharedWord } from '../together/shared-checkin/sealed-word';
import { answerOpening, weeksOpenAt } from '../together/shared-checkin/shared-week';

export interface OpenedWord {
  week: number;
  word: SharedWord;
  /** This Tend's answer beside it. */
  mine: CheckIn;
}

export interface PartnerWords {
  /** null: not paired (or the stored code cannot be read); undefined: not read yet. */
  pair: PairPayload | null | undefined;
  /** Words opened by an answer here, by the id of that answer. */
  opened: Map<string, OpenedWord>;
  /** The newest word of this week or the last that waits for an answer here ("Answer yours first"). */
  sealed: PartnerWord | null;
  /** The newest word of this week or the last opened here: shown side by side with this Tend's (older ones: the list). */
  sideBySide: OpenedWord | null;
  /** Reads again (a page does not hear its own writes). */
  reload: () => Promise<void>;
}

export function usePartnerWords(checkIns: readonly CheckIn[]): PartnerWords {
  const { store, now } = useServices();
  const [pair, setPair] = useState<PairPayload | null | undefined>(undefined);
  const [words, setWords] = useState<PartnerWord[]>([]);
  const [opened, setOpened] = useState(new Map<string, OpenedWord>());
  const reads = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++reads.current;
    const [stored, kept] = await Promise.all([store.readPair(), store.readState(PARTNER_WORDS_KEY, parsePartnerWords)]);
    if (mine !== reads.current) return;
    setPair(payloadOf(stored));
    setWords(kept);
  }, [store]);

  useEffect(() => {
    void reload().catch(() => {});
    return store.onChange((change) => {
      if (change === 'pair' || change === 'state' || change === 'all') void reload().catch(() => {});
    });
  }, [store, reload]);

  // Opened again whenever the words, the pairing or this Tend's answers change; an older opening finishing last is dropped.
  const opening = useRef(0);
  useEffect(() => {
    const mine = ++opening.current;
    void (async () => {
      const next = new Map<string, OpenedWord>();
      if (pair) {
        for (const kept of words) {
          const answer = answerOpening(kept.week, checkIns, pair.zone, now());
          const word = answer && !next.has(answer.id) ? await openPartnerWord(pair, kept) : null;
          if (answer && word) next.set(answer.id, { week: kept.week, word, mine: answer });
        }
      }
      if (mine === opening.current) setOpened(next);
    })();
    // By what the answers are, not by the array: a page's render may hand a new array of the same answers.
  }, [pair, words, checkIns.map((c) => `${c.id}@${c.at}:${c.answer}`).join(' ')]);

  const open = pair ? weeksOpenAt(now(), pair.zone) : [];
  const sealed = pair ? (words.find((w) => open.includes(w.week) && !answerOpening(w.week, checkIns, pair.zone, now())) ?? null) : null;
  const sideBySide = [...opened.values()].filter((o) => open.includes(o.week)).sort((a, b) => b.week - a.week)[0] ?? null;
  return { pair, opened, sealed, sideBySide, reload };
}

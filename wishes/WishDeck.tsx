/** One person's turn: one wish at a time, "I'd like this" or "Not now"; Back, and an early end of the turn. */
import type { RefObject } from 'preact';
import { useServices } from '../platform/services';
import type { Person } from './wish-round';
import type { Wish } from './wishes';

export function WishDeck({
  deck,
  person,
  index,
  heading,
  onAnswer,
  onBack,
  onDone,
}: {
  deck: readonly Wish[];
  person: Person;
  index: number;
  heading: RefObject<HTMLHeadingElement>;
  onAnswer: (like: boolean) => void;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useServices();
  const wish = deck[index];
  if (!wish) return null;
  const progress = t(person === 1 ? 'wishesFirstProgress' : 'wishesSecondProgress', [String(index + 1), String(deck.length)]);
  return (
    <main class="page wishes">
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {t('wishesPageTitle')}
        </h1>
        <p class="wish-progress">{progress}</p>
      </header>
      {/* Announced as it changes: the buttons keep the focus from one wish to the next. */}
      <p class="wish-card" id="wish-text" aria-live="polite">
        {wish.text}
      </p>
      <div class="wish-answers" role="group" aria-label={t('wishAnswers')} aria-describedby="wish-text">
        <button type="button" class="primary" onClick={() => onAnswer(true)}>
          {t('wishLike')}
        </button>
        <button type="button" onClick={() => onAnswer(false)}>
          {t('wishNotNow')}
        </button>
      </div>
      <p class="wish-quiet">
        <button type="button" class="link" disabled={index === 0} onClick={onBack}>
          {t('wishBack')}
        </button>
        <button type="button" class="link" onClick={onDone}>
          {t('wishDone')}
        </button>
      </p>
    </main>
  );
}

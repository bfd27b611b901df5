/** What both chose, each with its fitting idea or conversation; or, kindly, that nothing was in common. */
import type { ComponentChildren, RefObject } from 'preact';
import { useServices } from '../platform/services';
import type { Wish } from './wishes';

/** The fitting ideas' words and the conversations' titles, by id (empty until loaded). */
export interface Fits {
  ideas: Map<string, string>;
  talks: Map<string, string>;
}

export function WishFit({ wish, fits, onTalk }: { wish: Wish; fits: Fits; onTalk: (id: string) => void }) {
  const { t } = useServices();
  const idea = wish.idea ? fits.ideas.get(wish.idea) : undefined;
  if (idea) {
    return (
      <p class="wish-fit">
        <span class="muted">{t('wishFitIdea')}</span> {idea}
      </p>
    );
  }
  const talk = wish.talk ? fits.talks.get(wish.talk) : undefined;
  if (!talk || !wish.talk) return null;
  const id = wish.talk;
  return (
    <p class="wish-fit">
      <span class="muted">{t('wishFitTalk')}</span>{' '}
      <a
        href={`/talk.html#${id}`}
        onClick={(event) => {
          event.preventDefault();
          onTalk(id);
        }}
      >
        {talk}
      </a>
    </p>
  );
}

export function WishResult({
  common,
  deck,
  fits,
  heading,
  kept,
  onKeep,
  onAgain,
  onTalk,
  children,
}: {
  common: readonly string[];
  deck: readonly Wish[];
  fits: Fits;
  heading: RefObject<HTMLHeadingElement>;
  /** The id of the list kept from this result, 'failed' when keeping failed, or null. */
  kept: string | null;
  onKeep: () => void;
  onAgain: () => void;
  onTalk: (id: string) => void;
  children?: ComponentChildren;
}) {
  const { t } = useServices();
  const byId = new Map(deck.map((wish) => [wish.id, wish]));
  const wishes = common.map((id) => byId.get(id)).filter((wish): wish is Wish => wish !== undefined);
  return (
    <main class="page wishes" key="result">
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {t('wishesResultTitle')}
        </h1>
        {wishes.length > 0 && <p class="muted">{t('wishesResultIntro')}</p>}
      </header>
      {wishes.length === 0 ? (
        <p class="wish-none">{t('wishesNoneInCommon')}</p>
      ) : (
        <ul class="wish-common">
          {wishes.map((wish) => (
            <li key={wish.id}>
              <p class="wish-text">{wish.text}</p>
              <WishFit wish={wish} fits={fits} onTalk={onTalk} />
            </li>
          ))}
        </ul>
      )}
      <div class="wish-result-actions">
        {wishes.length > 0 && (
          <button type="button" class="primary" disabled={kept !== null && kept !== 'failed'} onClick={onKeep}>
            {t('wishesKeep')}
          </button>
        )}
        <button type="button" class={wishes.length > 0 ? 'ghost' : 'primary'} onClick={onAgain}>
          {t('wishesAgain')}
        </button>
      </div>
      <p class="small" role="status">
        {kept === 'failed' ? t('wishesKeepFailed') : kept ? t('wishesKept') : ''}
      </p>
      {children}
    </main>
  );
}

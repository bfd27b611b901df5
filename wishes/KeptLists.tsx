/** The lists a couple kept: dated, each with its wishes and a way to delete it. */
import { useServices } from '../platform/services';
import type { KeptWishList } from '../model/kept-wishes';
import type { Wish } from './wishes';

export function KeptLists({ lists, deck, onDelete }: { lists: readonly KeptWishList[]; deck: readonly Wish[]; onDelete: (id: string) => Promise<void> }) {
  const { t, locale } = useServices();
  if (lists.length === 0) return null;
  const texts = new Map(deck.map((wish) => [wish.id, wish.text]));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  return (
    <section class="wish-kept" aria-labelledby="kept-heading">
      <h2 id="kept-heading">{t('wishesKeptHeading')}</h2>
      {lists.map((list) => {
        const headingId = `kept-${list.id}`;
        return (
          <article key={list.id} class="wish-kept-list" aria-labelledby={headingId}>
            <h3 id={headingId}>{t('wishesKeptOn', date.format(list.at))}</h3>
            <ul>
              {list.wishIds.map((id) => {
                const text = texts.get(id);
                return text ? <li key={id}>{text}</li> : null;
              })}
            </ul>
            <button type="button" class="link" aria-describedby={headingId} onClick={() => void onDelete(list.id)}>
              {t('wishesDeleteList')}
            </button>
          </article>
        );
      })}
    </section>
  );
}

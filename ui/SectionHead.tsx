import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Which section a change was saved in, and the quiet words that say so ('' when none). */
export const SavedContext = createContext<{ section: string; text: string }>({ section: '', text: '' });

/**
 * A settings section's heading, with "Saved" beside it after a change made in that section: plain
 * quiet text where the change was, in a live region that is always there so screen readers hear it.
 */
export function SectionHead({ id, title }: { id: string; title: string }) {
  const saved = useContext(SavedContext);
  return (
    <div class="section-head">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      <p class="saved" role="status" aria-live="polite">
        {saved.section === id ? saved.text : ''}
      </p>
    </div>
  );
}

/** The section a control belongs to, by its heading's id: where "Saved" shows after the control's change. */
export const sectionOf = (element: Element | null): string =>
  element?.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') ?? '';

import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import type { MessageKey } from '../../platform/i18n';

/** How far below the top of the window a section's heading counts as reached, in pixels. */
const REACHED = 120;

/**
 * The section being read: the last one whose heading has reached the top part of the window (the last
 * one at the very bottom of the page). A section picked in the list stays current while its heading shows.
 */
function useCurrentSection(ids: string[]) {
  const [current, setCurrent] = useState(() => (ids.includes(location.hash.slice(1)) ? location.hash.slice(1) : ids[0] ?? ''));
  const picked = useRef<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = (id: string) => document.getElementById(id)?.getBoundingClientRect().top ?? Infinity;
      if (picked.current) {
        const at = top(picked.current);
        if (at >= 0 && at < window.innerHeight) return setCurrent(picked.current);
        picked.current = null;
      }
      const root = document.documentElement;
      const atBottom = window.scrollY > 0 && window.scrollY + window.innerHeight >= root.scrollHeight - 2;
      const reached = ids.filter((id) => top(id) <= REACHED);
      setCurrent(atBottom ? (ids[ids.length - 1] ?? '') : (reached[reached.length - 1] ?? ids[0] ?? ''));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    return () => {
      window.removeEventListener('scroll', later);
      window.removeEventListener('resize', later);
      cancelAnimationFrame(frame);
    };
  }, []);
  const pick = (id: string) => {
    picked.current = id;
    setCurrent(id);
  };
  return { current, pick };
}

/** The sections as links: a side list on wide screens, a bar of chips on narrow ones; the current one marked. */
export function SectionNav({ sections }: { sections: { id: string; label: MessageKey }[] }) {
  const { t } = useServices();
  const { current, pick } = useCurrentSection(sections.map((s) => s.id));
  const list = useRef<HTMLUListElement>(null);
  // On a phone the bar scrolls sideways: keep the current chip in view.
  useEffect(() => {
    const bar = list.current;
    const chip = bar?.querySelector<HTMLElement>('[aria-current]');
    if (!bar || !chip || bar.scrollWidth <= bar.clientWidth) return;
    const [chipBox, barBox] = [chip.getBoundingClientRect(), bar.getBoundingClientRect()];
    if (chipBox.left < barBox.left || chipBox.right > barBox.right) {
      bar.scrollLeft += chipBox.left - barBox.left - (barBox.width - chipBox.width) / 2;
    }
  }, [current]);
  return (
    <nav class="section-nav" aria-label={t('sectionsNav')}>
      <p class="brand">{t('extName')}</p>
      <ul ref={list}>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} aria-current={current === s.id ? 'location' : undefined} onClick={() => pick(s.id)}>
              {t(s.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { useEffect } from 'preact/hooks';
import { resolveTheme } from './theme';
import { type ThemePrefs } from '../model/theme-prefs';

/** Puts the theme's custom properties on <html>, and follows the system when the choice is "System". */
export function applyTheme(prefs: ThemePrefs, root: HTMLElement = document.documentElement): void {
  const theme = resolveTheme(prefs, {
    prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
    prefersReducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  });
  for (const [name, value] of Object.entries(theme.vars)) root.style.setProperty(name, value);
  root.style.colorScheme = theme.scheme;
  root.dataset.scheme = theme.scheme;
  root.dataset.palette = prefs.palette;
  root.dataset.motion = theme.reducedMotion ? 'reduce' : 'full';
}

export function useTheme(prefs: ThemePrefs | null): void {
  useEffect(() => {
    if (!prefs) return;
    applyTheme(prefs);
    const queries = ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)'].map((q) => matchMedia(q));
    const update = () => applyTheme(prefs);
    queries.forEach((q) => q.addEventListener('change', update));
    return () => queries.forEach((q) => q.removeEventListener('change', update));
  }, [prefs?.themeMode, prefs?.palette, prefs?.textScale, prefs?.motion]);
}

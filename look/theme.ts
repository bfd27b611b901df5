/** Turns theme preferences into CSS custom properties. Pure. */
import { PALETTES, type Colours } from './palettes';
import type { ThemePrefs } from '../model/theme-prefs';

export interface SystemLook {
  prefersDark: boolean;
  prefersReducedMotion: boolean;
}

export interface ThemeResult {
  scheme: 'light' | 'dark';
  reducedMotion: boolean;
  vars: Record<string, string>;
}

const VAR_NAMES: Record<keyof Colours, string> = {
  bg: '--bg',
  surface: '--surface',
  text: '--text',
  muted: '--muted',
  accent: '--accent',
  onAccent: '--on-accent',
  border: '--border',
  focus: '--focus',
};

export function resolveTheme(prefs: ThemePrefs, system: SystemLook): ThemeResult {
  const scheme = prefs.themeMode === 'system' ? (system.prefersDark ? 'dark' : 'light') : prefs.themeMode;
  const reducedMotion = prefs.motion === 'system' ? system.prefersReducedMotion : prefs.motion === 'reduce';
  const colours = PALETTES[prefs.palette][scheme];
  const vars: Record<string, string> = {};
  for (const key of Object.keys(VAR_NAMES) as (keyof Colours)[]) vars[VAR_NAMES[key]] = colours[key];
  vars['--text-scale'] = String(prefs.textScale / 100);
  vars['--motion'] = reducedMotion ? '0ms' : '160ms';
  return { scheme, reducedMotion, vars };
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

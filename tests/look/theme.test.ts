import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../look/palettes';
import { PALETTE_IDS, defaultPrefs } from '../../model/prefs';
import { contrastRatio, resolveTheme } from '../../look/theme';

describe('palettes meet WCAG contrast in every mode', () => {
  for (const id of PALETTE_IDS) {
    for (const mode of ['light', 'dark'] as const) {
      const c = PALETTES[id][mode];
      it(`${id} ${mode}: text ≥ 4.5:1, controls and focus ≥ 3:1`, () => {
        for (const background of [c.bg, c.surface]) {
          expect(contrastRatio(c.text, background)).toBeGreaterThanOrEqual(4.5);
          expect(contrastRatio(c.muted, background)).toBeGreaterThanOrEqual(4.5);
          expect(contrastRatio(c.border, background)).toBeGreaterThanOrEqual(3);
          expect(contrastRatio(c.accent, background)).toBeGreaterThanOrEqual(3);
          expect(contrastRatio(c.focus, background)).toBeGreaterThanOrEqual(3);
        }
        expect(contrastRatio(c.onAccent, c.accent)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  // forms.css draws radios and checkboxes from these: an unticked one is a --border edge on --surface, sitting
  // on a card (--surface) or the page (--bg); a ticked one is --accent with an --on-accent tick (WCAG 1.4.11).
  for (const id of PALETTE_IDS) {
    for (const mode of ['light', 'dark'] as const) {
      it(`${id} ${mode}: radios and checkboxes show their edges, ticked or not, at 3:1 or more`, () => {
        const c = PALETTES[id][mode];
        for (const around of [c.surface, c.bg]) {
          expect(contrastRatio(c.border, around), `unticked edge on ${around}`).toBeGreaterThanOrEqual(3);
          expect(contrastRatio(c.accent, around), `ticked fill on ${around}`).toBeGreaterThanOrEqual(3);
        }
        expect(contrastRatio(c.onAccent, c.accent), 'the tick').toBeGreaterThanOrEqual(3);
        expect(contrastRatio(c.accent, c.surface), 'the radio dot inside its ring').toBeGreaterThanOrEqual(3);
      });
    }
  }

  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('resolveTheme', () => {
  const prefs = defaultPrefs();
  it('follows the system when asked, and a fixed choice otherwise', () => {
    expect(resolveTheme(prefs, { prefersDark: true, prefersReducedMotion: false }).scheme).toBe('dark');
    expect(resolveTheme({ ...prefs, themeMode: 'light' }, { prefersDark: true, prefersReducedMotion: false }).scheme).toBe('light');
  });
  it('reduces motion with the system by default, or when chosen', () => {
    expect(resolveTheme(prefs, { prefersDark: false, prefersReducedMotion: true }).vars['--motion']).toBe('0ms');
    expect(resolveTheme({ ...prefs, motion: 'reduce' }, { prefersDark: false, prefersReducedMotion: false }).reducedMotion).toBe(true);
    expect(resolveTheme({ ...prefs, motion: 'full' }, { prefersDark: false, prefersReducedMotion: true }).reducedMotion).toBe(false);
  });
  it('sets every colour and the text size as custom properties', () => {
    const { vars } = resolveTheme({ ...prefs, palette: 'tide', textScale: 120 }, { prefersDark: false, prefersReducedMotion: false });
    expect(vars['--accent']).toBe(PALETTES.tide.light.accent);
    expect(vars['--text-scale']).toBe('1.2');
    expect(Object.keys(vars)).toHaveLength(10);
  });
});

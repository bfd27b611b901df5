/** Tend's colour palettes: each has a light and a dark set. Pure data. */
import type { PaletteId } from '../model/theme-prefs';

export interface Colours {
  /** Page background. */
  bg: string;
  /** Cards and inputs. */
  surface: string;
  text: string;
  /** Secondary text (labels, hints). */
  muted: string;
  /** Buttons, checked controls, links. */
  accent: string;
  /** Text on an accent background. */
  onAccent: string;
  /** Outlines of inputs and secondary buttons. */
  border: string;
  focus: string;
}

export const PALETTES: Record<PaletteId, { light: Colours; dark: Colours }> = {
  dusk: {
    light: {
      bg: '#f7eef4', surface: '#ffffff', text: '#2b2230', muted: '#5e5266',
      accent: '#7a4a7e', onAccent: '#ffffff', border: '#8c7d93', focus: '#7a4a7e',
    },
    dark: {
      bg: '#211726', surface: '#282030', text: '#f1e9f3', muted: '#c3b5c8',
      accent: '#d7a6dc', onAccent: '#231a26', border: '#8f7f96', focus: '#e6bfe9',
    },
  },
  sage: {
    light: {
      bg: '#edf3e8', surface: '#ffffff', text: '#1f2a22', muted: '#4c5a4f',
      accent: '#3f6b4f', onAccent: '#ffffff', border: '#7d8c80', focus: '#3f6b4f',
    },
    dark: {
      bg: '#111d14', surface: '#1f2821', text: '#e8efe9', muted: '#b3c2b6',
      accent: '#94c7a4', onAccent: '#122016', border: '#6f8374', focus: '#a9dcb8',
    },
  },
  clay: {
    light: {
      bg: '#f8eee6', surface: '#ffffff', text: '#2e211b', muted: '#654f45',
      accent: '#9a4a2e', onAccent: '#ffffff', border: '#94796d', focus: '#9a4a2e',
    },
    dark: {
      bg: '#231813', surface: '#2a201c', text: '#f4e8e1', muted: '#cdb5a9',
      accent: '#eba487', onAccent: '#2a160e', border: '#927b70', focus: '#f3b89f',
    },
  },
  tide: {
    light: {
      bg: '#e9f2f5', surface: '#ffffff', text: '#1a2a30', muted: '#4a5e66',
      accent: '#2d6273', onAccent: '#ffffff', border: '#77898f', focus: '#2d6273',
    },
    dark: {
      bg: '#0e1b20', surface: '#1c272b', text: '#e4eff2', muted: '#a9bfc6',
      accent: '#86c3d3', onAccent: '#0f2127', border: '#6c848b', focus: '#9fd6e4',
    },
  },
};

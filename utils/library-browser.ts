/**
 * Loads the bundled library files. They ship as JSON assets, fetched from the extension itself;
 * in a language Tend has a translation for, its texts replace the English ones by id.
 */
import { browser } from 'wxt/browser';
import ideasUrl from '../assets/library/ideas.json?url';
import ideasDeUrl from '../assets/library/ideas.de.json?url';
import nudgesUrl from '../assets/library/nudges.json?url';
import nudgesDeUrl from '../assets/library/nudges.de.json?url';
import { t } from './i18n-browser';
import { parseIdeas, parseNudgeLines, parseTranslation, translate, type Idea, type NudgeLine } from './library';

const TRANSLATIONS: Record<string, { ideas: string; nudges: string }> = {
  de: { ideas: ideasDeUrl, nudges: nudgesDeUrl },
};

async function loadJson(url: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(url as '/popup.html'));
  return response.json();
}

/** The library in the language the browser shows Tend's own messages in. */
async function loadTranslated<T extends { id: string; text: string }>(
  url: string,
  which: 'ideas' | 'nudges',
  parse: (raw: unknown) => T[],
): Promise<T[]> {
  const translation = TRANSLATIONS[t('libraryLanguage')];
  const [items, texts] = await Promise.all([
    loadJson(url).then(parse),
    // A translation that cannot be read leaves the English texts in place, never an empty library.
    translation
      ? loadJson(translation[which]).then(parseTranslation, () => new Map<string, string>())
      : new Map<string, string>(),
  ]);
  return translate(items, texts);
}

let ideas: Promise<Idea[]> | null = null;

export function loadIdeas(): Promise<Idea[]> {
  ideas ??= loadTranslated(ideasUrl, 'ideas', parseIdeas);
  return ideas;
}

export function loadNudgeLines(): Promise<NudgeLine[]> {
  return loadTranslated(nudgesUrl, 'nudges', parseNudgeLines);
}

/**
 * Loads the library: plain JSON files the build writes under /library/, one per kind and language,
 * fetched from the extension itself in the language the browser shows Tend's messages in.
 */
import { browser } from 'wxt/browser';
import { t } from '../platform/i18n-browser';
import { libraryPath } from './library';
import { parseIdeas, parseNudgeLines, type Idea, type NudgeLine } from '../model/vocabulary';

async function loadJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/popup.html'));
  return response.json();
}

/** The texts in Tend's language; if that file cannot be read, the English original. */
async function load<T>(kind: 'ideas' | 'nudges', parse: (raw: unknown) => T[]): Promise<T[]> {
  const path = libraryPath(kind, t('libraryLanguage'));
  const english = libraryPath(kind, 'en');
  return loadJson(path).then(parse, (error: unknown) => {
    if (path === english) throw error;
    return loadJson(english).then(parse);
  });
}

let ideas: Promise<Idea[]> | null = null;

/** The ideas, read once per context (the worker keeps them while it runs); a failed read is tried again next time. */
export function loadIdeas(): Promise<Idea[]> {
  ideas ??= load('ideas', parseIdeas).catch((error: unknown) => {
    ideas = null;
    throw error;
  });
  return ideas;
}

export function loadNudgeLines(): Promise<NudgeLine[]> {
  return load('nudges', parseNudgeLines);
}

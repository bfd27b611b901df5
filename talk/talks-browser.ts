/**
 * Loads the guided conversations the build writes under /library/ (talks.<lang>.json), in the
 * language the browser shows Tend's messages in, falling back to the English original.
 */
import { browser } from 'wxt/browser';
import { t } from '../platform/i18n-browser';
import { parseTalks, talkPath, type Talk } from './talks';

async function loadJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/popup.html'));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/**
 * A file the build writes per language (conversations, wishes), in Tend's language; when that file cannot be
 * read or holds nothing, the English original.
 */
export async function loadInLanguage<T>(pathOf: (language: string) => string, parse: (raw: unknown) => T[]): Promise<T[]> {
  const path = pathOf(t('libraryLanguage'));
  const english = pathOf('en');
  try {
    const found = parse(await loadJson(path));
    if (found.length > 0 || path === english) return found;
  } catch (error) {
    if (path === english) throw error;
  }
  return parse(await loadJson(english));
}

let talks: Promise<Talk[]> | null = null;

export function loadTalks(): Promise<Talk[]> {
  talks ??= loadInLanguage(talkPath, parseTalks);
  // A failed load may succeed on the next try: do not keep the failure.
  talks.catch(() => (talks = null));
  return talks;
}

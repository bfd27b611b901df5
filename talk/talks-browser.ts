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

let talks: Promise<Talk[]> | null = null;

export function loadTalks(): Promise<Talk[]> {
  talks ??= (async () => {
    const path = talkPath(t('libraryLanguage'));
    const english = talkPath('en');
    try {
      const found = parseTalks(await loadJson(path));
      if (found.length > 0 || path === english) return found;
    } catch (error) {
      if (path === english) throw error;
    }
    return parseTalks(await loadJson(english));
  })();
  // A failed load may succeed on the next try: do not keep the failure.
  talks.catch(() => (talks = null));
  return talks;
}

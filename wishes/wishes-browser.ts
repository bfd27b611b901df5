/**
 * Loads the deck of wishes the build writes under /library/ (wishes.<lang>.json), in the language the
 * browser shows Tend's messages in, falling back to the English original.
 */
import { browser } from 'wxt/browser';
import { t } from '../platform/i18n-browser';
import { parseWishes, wishPath, type Wish } from './wishes';

async function loadJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/popup.html'));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export async function loadWishes(): Promise<Wish[]> {
  const path = wishPath(t('libraryLanguage'));
  const english = wishPath('en');
  try {
    const found = parseWishes(await loadJson(path));
    if (found.length > 0 || path === english) return found;
  } catch (error) {
    if (path === english) throw error;
  }
  return parseWishes(await loadJson(english));
}

import { browser } from 'wxt/browser';
import type { MessageKey, Translate } from './i18n';

export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

/** Sets the page's language and title from the browser's UI language before the app renders. */
export function localiseDocument(doc: Document, title: MessageKey = 'extName'): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.title = t(title);
}

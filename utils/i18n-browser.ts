import { browser } from 'wxt/browser';
import type { Translate } from './i18n';

export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

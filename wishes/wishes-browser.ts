/**
 * Loads the deck of wishes the build writes under /library/ (wishes.<lang>.json), in the language the
 * browser shows Tend's messages in, falling back to the English original (the conversations' loader).
 */
import { loadInLanguage } from '../talk/talks-browser';
import { parseWishes, wishPath, type Wish } from './wishes';

export const loadWishes = (): Promise<Wish[]> => loadInLanguage(wishPath, parseWishes);

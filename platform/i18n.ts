/** Message lookup shared by pages and tests. Pure: the browser-backed version lives in i18n-browser.ts. */
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The same substitution rules as `i18n.getMessage`, for tests and previews. */
export function createTranslate(messages: Record<string, MessageEntry>): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (match, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : match;
    });
  };
}

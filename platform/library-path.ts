/** Where the build puts each kind of library text (ideas, nudges, talks, wishes, tracks) per language. Pure. */

/**
 * The languages the library ships in. The build writes one file per kind and language
 * (`/library/ideas.de.json`), other languages' texts merged in by id; English is the original.
 */
export const LIBRARY_LANGUAGES = ['en', 'de'] as const;

/** The kinds of library text the build writes, one file per language each. */
export type LibraryKind = 'ideas' | 'nudges' | 'talks' | 'wishes' | 'tracks';

/** Where the build puts a kind of library text in a language; languages Tend lacks get English. */
export function libraryPath(kind: LibraryKind, language: string): string {
  const shipped = (LIBRARY_LANGUAGES as readonly string[]).includes(language) ? language : 'en';
  return `/library/${kind}.${shipped}.json`;
}

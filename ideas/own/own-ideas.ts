/** Ideas a person writes or brings in (Settings › Your ideas): line parsing, creation, display, sharing. Pure. */
import { IDEA_TEXT_MAX, type Category, type Idea, type Intensity, type Mode } from '../../model/vocabulary';
import type { OwnIdea } from '../../model/records';
import { localDatedFileName } from '../../lib/day';
import { cleanText } from '../../lib/text';

/** How many own ideas Tend keeps (the store refuses more; the same number as KEEP_LIMITS.ownIdeas). */
export const OWN_IDEAS_MAX = 1000;
/** Minutes an own idea without minutes counts as, for display and the "longest idea" filter. */
export const OWN_IDEA_DEFAULT_MINUTES = 5;
/** A text file of ideas larger than this is not a list of ideas (1,000 lines of 160 characters fit many times). */
export const IDEA_FILE_MAX_BYTES = 1_000_000;

export interface ParsedLines {
  /** Texts to add, trimmed, in file order. */
  add: string[];
  /** Lines with nothing visible in them (white space, invisible characters). */
  blank: number;
  duplicates: number;
  /** Lines that are not plain text (control characters pasted in); not added. */
  notText: number;
  /** 1-based line numbers of lines longer than IDEA_TEXT_MAX (not added). */
  tooLong: number[];
}

/**
 * One idea per line: blank lines (nothing visible), lines that are not plain text, and exact duplicates (of each other or of `existingTexts`, compared trimmed
 * and case-sensitive) are skipped and counted; lines that are too long are listed by number. Handles a
 * byte-order mark, CRLF or CR line ends and one final line end.
 */
export function parseIdeaLines(text: string, existingTexts: Iterable<string>): ParsedLines {
  const result: ParsedLines = { add: [], blank: 0, duplicates: 0, notText: 0, tooLong: [] };
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (withoutBom === '') return result;
  // A final line end closes the last line; it does not start an empty one.
  const body = withoutBom.replace(/(\r\n|\r|\n)$/, '');
  const seen = new Set([...existingTexts].map((t) => t.trim()));
  body.split(/\r\n|\r|\n/).forEach((line, index) => {
    // The same rules as every typed text (text.ts): trimmed of invisible characters too.
    const checked = cleanText(line);
    if ('error' in checked) {
      if (checked.error === 'empty') result.blank += 1;
      else result.notText += 1;
      return;
    }
    const trimmed = checked.text;
    if (trimmed.length > IDEA_TEXT_MAX) result.tooLong.push(index + 1);
    else if (seen.has(trimmed)) result.duplicates += 1;
    else {
      seen.add(trimmed);
      result.add.push(trimmed);
    }
  });
  return result;
}

export interface OwnIdeaFields {
  text: string;
  category: Category;
  mode: Mode;
  minutes: number | null;
  intensity: Intensity;
}

/** A new own idea made at `now`; the id (`own-<base36 time>-<random>`) is unique enough and never reused. */
export function createOwnIdea(fields: OwnIdeaFields, now: number, random: () => number): OwnIdea {
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return {
    id: `own-${Math.max(0, Math.floor(now)).toString(36)}-${suffix}`,
    text: fields.text.trim(),
    category: fields.category,
    mode: fields.mode,
    minutes: fields.minutes,
    intensity: fields.intensity,
    createdAt: now,
  };
}

/** An own idea as the popup and picker see it: like a library idea, marked `own`. */
export function ownIdeaToIdea(o: OwnIdea): Idea {
  return {
    id: o.id,
    category: o.category,
    text: o.text,
    minutes: o.minutes ?? OWN_IDEA_DEFAULT_MINUTES,
    mode: o.mode,
    intensity: o.intensity,
    own: true,
  };
}

/** The ideas' words, one per line with a final line end, as "Save our ideas as a text file" writes them. */
export function ownIdeasText(list: readonly OwnIdea[]): string {
  if (list.length === 0) return '';
  // A text carried in by a backup could hold a line break; one idea must stay one line.
  return list.map((o) => o.text.replace(/\s*[\r\n]+\s*/g, ' ')).join('\n') + '\n';
}

/** The shared file's name: `tend-ideas-2026-05-04.txt` in local time. */
export function ownIdeasFileName(now: number): string {
  return localDatedFileName('tend-ideas', now, 'txt');
}

/** Whether an own idea's text contains what the person searched for (ignoring case and outer spaces). */
export function matchesSearch(o: OwnIdea, query: string, locale?: string): boolean {
  const q = query.trim().toLocaleLowerCase(locale);
  return q === '' || o.text.toLocaleLowerCase(locale).includes(q);
}

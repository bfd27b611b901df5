/**
 * Your ideas' text as it goes in, by the rules of lib/text.ts: a chosen file read and checked (never guessed),
 * and a typed idea checked, each with what to say.
 */
import type { Translate } from '../../platform/i18n';
import { IDEA_FILE_MAX_BYTES } from './own-ideas';
import { readTextFile } from '../../platform/read-text-file';
import { cleanText } from '../../lib/text';

const FILE_PROBLEM = { 'too-large': 'ownBulkFileTooLarge', 'not-text': 'textFileNotPlain', unreadable: 'fileReadFailed' } as const;

/**
 * Reads a .txt file of ideas into the bulk form (`show`) and resolves with what to say; a file that is too
 * large or not plain text shows nothing and says why.
 */
export async function readIdeaFile(file: File, t: Translate, show: (text: string) => void): Promise<{ text: string; error?: true }> {
  const read = await readTextFile(file, IDEA_FILE_MAX_BYTES);
  if ('error' in read) return { text: t(FILE_PROBLEM[read.error]), error: true };
  show(read.text);
  return { text: t('ownBulkFileRead', file.name) };
}

/** A typed idea, checked (cleanText): its text, or why it cannot be added (nothing written, only invisible characters, not plain text). */
export function checkTypedIdea(typed: string, t: Translate): { text: string } | { message: string } {
  const checked = cleanText(typed);
  if ('text' in checked) return checked;
  if (checked.error === 'not-text') return { message: t('textNotPlain') };
  return { message: t(typed.trim() === '' ? 'ownTextEmpty' : 'textInvisibleOnly') };
}

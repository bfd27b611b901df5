/**
 * Reads a chosen file as text by the rules of text.ts (its bytes decoded and checked, never guessed):
 * a list of ideas and a backup are read the same way. Never throws.
 */
import { decodeTextFile } from '../lib/text';

export type ReadTextFile = { text: string } | { error: 'too-large' | 'not-text' | 'unreadable' };

export async function readTextFile(file: Blob, maxBytes: number): Promise<ReadTextFile> {
  if (file.size > maxBytes) return { error: 'too-large' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: 'unreadable' };
  }
  return decodeTextFile(bytes);
}

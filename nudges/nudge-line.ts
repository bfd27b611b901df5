/** Chooses the nudge line for a non-discreet notification. Pure. */
import type { NudgeLine } from '../model/vocabulary';

/** A random line, never the one shown last (when there is another to choose). */
export function pickNudgeLine(lines: readonly NudgeLine[], lastId: string | null, random: () => number): NudgeLine | null {
  const choices = lines.length > 1 ? lines.filter((line) => line.id !== lastId) : lines;
  if (choices.length === 0) return null;
  return choices[Math.min(choices.length - 1, Math.floor(random() * choices.length))] ?? null;
}

/** Loads the bundled library files. They ship as JSON assets, fetched from the extension itself. */
import { browser } from 'wxt/browser';
import ideasUrl from '../assets/library/ideas.json?url';
import nudgesUrl from '../assets/library/nudges.json?url';
import { parseIdeas, parseNudgeLines, type Idea, type NudgeLine } from './library';

async function loadJson(url: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(url as '/popup.html'));
  return response.json();
}

let ideas: Promise<Idea[]> | null = null;

export function loadIdeas(): Promise<Idea[]> {
  ideas ??= loadJson(ideasUrl).then(parseIdeas);
  return ideas;
}

export async function loadNudgeLines(): Promise<NudgeLine[]> {
  return parseNudgeLines(await loadJson(nudgesUrl));
}

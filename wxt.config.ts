import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig, type GeneratedPublicFile } from 'wxt';
import {
  LIBRARY_LANGUAGES,
  libraryPath,
  parseIdeas,
  parseNudgeLines,
  parseTranslation,
  translate,
} from './utils/library';
import { parseTalks, talkPath, translateTalks } from './utils/talks';

export const GECKO_ID = 'tend@tend.invalid';
/** Everything Tend uses, and nothing more; tests/manifest.test.ts holds the build to it. */
export const PERMISSIONS = ['alarms', 'notifications', 'idle'];

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What the popup needs to paint today's idea and ask the worker for the rest (every page uses it). */
const VIEW_MODULES = [
  'utils/theme', 'utils/palettes', 'utils/prefs', 'utils/library', 'utils/day', 'utils/view-cache', 'utils/i18n',
  'utils/i18n-browser', 'utils/ui-services-browser', 'utils/worker-request', 'utils/store-channel',
  'components/services', 'components/useTheme', 'components/IdeaCard', 'components/StatusUndo',
];
/** The data layer: IndexedDB (idb) and what reads and writes through it; the popup loads it only for its rare parts (check-in, trouble). */
const STORE_MODULES = [
  'utils/db', 'utils/records', 'utils/nudge-state', 'utils/same-json', 'utils/services-browser', 'utils/library-browser',
  'utils/picker', 'utils/random', 'utils/setup', 'utils/checkin',
];
const moduleIn = (list: string[], id: string) => list.some((m) => new RegExp(`/${m}\\.tsx?$`).test(id));

/**
 * The pages' chunks: third-party code (Preact, the polyfill) in `vendor`, so `npm run bench` can weigh
 * Tend's own code apart from it; the first frame's code in `view`; the data layer, idb included, in
 * `store`. A few larger files pack smaller than many small ones, and the popup's first frame loads
 * only vendor, view and its own file.
 */
function pageChunks(): Plugin {
  return {
    name: 'tend-page-chunks',
    outputOptions(options) {
      // The background worker is one IIFE file, where chunks do not exist.
      if (options.format === 'iife') return null;
      const chunk = (id: string) => {
        if (/node_modules\/idb\//.test(id) || moduleIn(STORE_MODULES, id)) return 'store';
        if (id.includes('node_modules')) return 'vendor';
        // Vite's preload helper and WXT's page plugin: every page needs them first.
        if (id.includes('vite/preload-helper') || id.includes('wxt-html-plugins') || moduleIn(VIEW_MODULES, id)) return 'view';
        return undefined;
      };
      return { ...options, manualChunks: chunk };
    },
  };
}

/**
 * The library as the extension loads it: one plain file per kind and language under /library/,
 * the texts of assets/library/<kind>.<lang>.json merged into the English original by id. Plain
 * files, not imports: the background worker is one IIFE bundle, where Vite would inline imported
 * JSON into the code.
 */
function libraryFiles(): GeneratedPublicFile[] {
  const read = (file: string): unknown => JSON.parse(readFileSync(`assets/library/${file}`, 'utf8'));
  const kinds = { ideas: parseIdeas, nudges: parseNudgeLines };
  const texts = Object.entries(kinds).flatMap(([kind, parse]) => {
    const original = parse(read(`${kind}.json`));
    return LIBRARY_LANGUAGES.map((lang) => ({
      relativeDest: libraryPath(kind as keyof typeof kinds, lang).slice(1),
      contents: JSON.stringify(lang === 'en' ? original : translate<{ id: string; text: string }>(original, parseTranslation(read(`${kind}.${lang}.json`)))),
    }));
  });
  // The guided conversations have several texts each (title, why, prompts, closing), merged the same way.
  const talks = parseTalks(read('talks.json'));
  const conversations = LIBRARY_LANGUAGES.map((lang) => ({
    relativeDest: talkPath(lang).slice(1),
    contents: JSON.stringify(lang === 'en' ? talks : translateTalks(talks, read(`talks.${lang}.json`))),
  }));
  return [...texts, ...conversations];
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // TEND_OUTDIR: a separate build folder, so parallel work does not overwrite .output.
  outDir: process.env.TEND_OUTDIR ?? '.output',
  imports: false,
  // The sources package is for store reviewers to rebuild Tend: code and config, not screenshots.
  zip: { excludeSources: ['docs/**', '.tmp/**', 'web-ext-artifacts/**'] },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...libraryFiles());
    },
  },
  vite: () => ({
    build: {
      // Chrome and Firefox 115+ preload modules themselves; Vite's polyfill would only add weight to every page.
      modulePreload: { polyfill: false },
      // Terser packs Tend's code about 4 % smaller than esbuild (1 KB of the popup, gzip): the popup has a size budget.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      // TEND_SOURCEMAP=1: source maps, to see which module weighs what in a bundle.
      sourcemap: !!process.env.TEND_SOURCEMAP,
    },
    plugins: [preact(), pageChunks()],
  }),
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: PERMISSIONS,
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandOpen__',
      },
    },
    // Dev mode needs the dev server; store builds get the strict policy.
    ...(mode === 'production' ? { content_security_policy: { extension_pages: CSP } } : {}),
    ...(browser === 'firefox' ? { browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    } } : {}),
  }),
});

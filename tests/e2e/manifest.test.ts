/** The built packages ask for exactly what Tend uses, and carry no remote or dynamic code. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productDirs } from '../structure';

const OUT = process.env.TEND_OUTDIR ?? '.output';
const BUILDS = [join(OUT, 'chrome-mv3'), join(OUT, 'firefox-mv2')];
// 'storage' for the opt-in sync through the browser's own sync (storage.sync): no warning at install.
const ALLOWED_PERMISSIONS = ['alarms', 'idle', 'notifications', 'storage'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const dir of BUILDS) {
  describe(dir, () => {
    const manifestPath = join(dir, 'manifest.json');
    it('is built', () => expect(existsSync(manifestPath), `run "npm run build" first`).toBe(true));
    const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};

    it('asks for exactly the permissions Tend uses, and no host access', () => {
      expect([...manifest.permissions].sort()).toEqual(ALLOWED_PERMISSIONS);
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.optional_host_permissions ?? []).toEqual([]);
      expect(manifest.content_scripts).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.externally_connectable).toBeUndefined();
    });

    it('has a strict content security policy: own scripts only, no eval, no remote code', () => {
      const csp: string = typeof manifest.content_security_policy === 'string'
        ? manifest.content_security_policy
        : manifest.content_security_policy?.extension_pages;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    });

    it('names itself, its icons and its shortcut', () => {
      expect(manifest.name).toBe('__MSG_extName__');
      expect(manifest.default_locale).toBe('en');
      for (const size of ['16', '32', '48', '128']) expect(existsSync(join(dir, manifest.icons[size]))).toBe(true);
      const command = manifest.commands?._execute_action ?? manifest.commands?._execute_browser_action;
      expect(command?.suggested_key?.default).toBe('Alt+Shift+Y');
    });

    it('ships the library in English and German: the same ideas and lines, the texts of each language', () => {
      const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { id: string; text: string }[];
      for (const kind of ['ideas', 'nudges']) {
        const english = read(`assets/library/${kind}.json`);
        const german = new Map(read(`assets/library/${kind}.de.json`).map((item) => [item.id, item.text]));
        expect(read(join(dir, `library/${kind}.en.json`))).toEqual(english);
        expect(read(join(dir, `library/${kind}.de.json`))).toEqual(english.map((item) => ({ ...item, text: german.get(item.id) })));
      }
    });

    it('a usual popup opening loads no IndexedDB code: only the parts that show on demand bring the store', () => {
      const html = readFileSync(join(dir, 'popup.html'), 'utf8');
      const named = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => join(dir, m[1] as string));
      expect(named.length).toBeGreaterThan(0);
      // Loaded only when they show: the check-in and "cannot open its data" cards (with the store), the lists, the pause choices.
      const onDemand = /\/(DbTrouble|CheckInArea|IdeaList|NudgeChoices|store)-[^/]+\.js$/;
      const loaded = new Set<string>();
      const visit = (file: string) => {
        if (loaded.has(file) || onDemand.test(file)) return;
        loaded.add(file);
        // Static imports and dynamic ones (import("./x.js")), as the popup's files name them.
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*"(\.\/[^"]+\.js)"/g)) visit(join(dirname(file), m[1] as string));
      };
      named.forEach(visit);
      expect([...loaded].some((f) => /\/AfterPaint-/.test(f)), 'the part drawn after the first frame is followed').toBe(true);
      for (const file of loaded) expect(/indexedDB/.test(readFileSync(file, 'utf8')), `${file} opens a database`).toBe(false);
      // The worker answers the popup from IndexedDB (so the check above can fail).
      expect(readFileSync(join(dir, 'background.js'), 'utf8')).toMatch(/indexedDB\.open/);
    });

    it('ships no eval, no new Function and no outside address in its code', () => {
      for (const file of files(dir).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(file, 'utf8');
        expect(code, file).not.toMatch(/\beval\(|new Function\(/);
        // XML namespaces are names, not addresses that are fetched.
        const urls = [...code.matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'));
        expect(urls, file).toEqual([]);
      }
    });
  });
}

describe('Firefox specifics', () => {
  const manifestPath = '.output/firefox-mv2/manifest.json';
  it('declares a gecko id, a minimum version and no data collection', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
  it('web-ext lint: no errors; the one warning is innerHTML support inside Preact (third-party code)', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv2', '--output=json'], { encoding: 'utf8' });
    const report = JSON.parse(out) as { summary: { errors: number }; warnings: { code: string; file: string }[] };
    expect(report.summary.errors).toBe(0);
    expect(report.warnings.map((w) => `${w.code} ${w.file.replace(/-[\w-]+\.js$/, '.js')}`)).toEqual([
      'UNSAFE_VAR_ASSIGNMENT chunks/vendor.js',
    ]);
    // Tend's own code never sets HTML from strings.
    const dirs = productDirs();
    expect(dirs.length).toBeGreaterThan(8);
    for (const dir of dirs) {
      for (const file of files(dir)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
    }
  }, 60_000);

  it('Chrome gets no Firefox-only keys', () => {
    const chrome = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
    expect(chrome.browser_specific_settings).toBeUndefined();
  });
});

// Adds (or replaces) messages in both locales from a JSON file or stdin:
// { "key": { "en": "Saved", "de": "Gespeichert" }, "withValue": { "en": "From $1", "de": "Vom $1" } }
// "$1", "$2" in a text become named placeholders ($VALUE$, $VALUE2$), as the browser's i18n wants.
import { readFileSync, writeFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
for (const lang of ['en', 'de']) {
  const path = `public/_locales/${lang}/messages.json`;
  const messages = JSON.parse(readFileSync(path, 'utf8'));
  for (const [key, texts] of Object.entries(input)) {
    const text = texts[lang];
    if (typeof text !== 'string' || text === '') throw new Error(`${key}: no ${lang} text`);
    const names = [...new Set([...text.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))];
    const entry = { message: text.replace(/\$(\d)/g, (_, n) => (n === '1' ? '$VALUE$' : `$VALUE${n}$`)) };
    if (names.length > 0) {
      entry.placeholders = Object.fromEntries(names.map((n) => [n === 1 ? 'value' : `value${n}`, { content: `$${n}` }]));
    }
    messages[key] = entry;
  }
  writeFileSync(path, `${JSON.stringify(messages, null, 2)}\n`);
}
console.log(`added ${Object.keys(input).length} messages`);

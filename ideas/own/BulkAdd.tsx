/** Bringing in many ideas at once: pasted text or a text file, previewed, then added in one go. */
import { useMemo, useState } from 'preact/hooks';
import { RadioGroup } from '../../ui/RadioGroup';
import { FileButton } from '../../ui/FileButton';
import { useServices } from '../../platform/services';
import { type Category, type Intensity, type Mode } from '../../model/vocabulary';
import { createOwnIdea, OWN_IDEAS_MAX, parseIdeaLines } from './own-ideas';
import type { OwnIdea } from '../../model/records';
import { useWrite } from '../../ui/useWrite';
import { NoteLine, type Note } from './NoteLine';
import { readIdeaFile } from './own-text';
import { DEFAULT_FIELDS, intensityOptions, KindSelect, modeOptions } from './OwnIdeaForm';

/** How many of the ideas about to be brought in the preview names; the rest are counted. */
const PREVIEW_SHOWN = 20;

/** "Bring in many at once": pasted text or a .txt file, previewed, then added in one transaction. */
export function BulkAdd({ ideas, nextTime, onAdded }: { ideas: OwnIdea[]; nextTime: () => number; onAdded: () => Promise<void> }) {
  const { t, store, random, locale } = useServices();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<Category>(DEFAULT_FIELDS.category);
  const [mode, setMode] = useState<Mode>(DEFAULT_FIELDS.mode);
  const [intensity, setIntensity] = useState<Intensity>(DEFAULT_FIELDS.intensity);
  const [note, setNote] = useState<Note>(null);
  const { busy, run } = useWrite();
  const parsed = useMemo(() => parseIdeaLines(text, ideas.map((o) => o.text)), [text, ideas]);
  const count = (n: number) => n.toLocaleString(locale);
  const total = ideas.length + parsed.add.length;

  const readFile = async (file: File) => setNote(await readIdeaFile(file, t, setText));

  const addAll = () => run(async () => {
    if (parsed.add.length === 0) return;
    const start = nextTime();
    const batch = parsed.add.map((line, i) =>
      createOwnIdea({ text: line, category, mode, intensity, minutes: null }, start + i, random),
    );
    try {
      if (!(await store.putOwnIdeas(batch))) {
        setNote({ text: t('ownLimit', count(ideas.length + batch.length)), error: true });
        return;
      }
    } catch {
      setNote({ text: t('ownWriteFailed'), error: true });
      return;
    }
    setText('');
    await onAdded();
    setNote({ text: batch.length === 1 ? t('ownBulkAddedOne') : t('ownBulkAddedMany', count(batch.length)) });
    document.getElementById('own-bulk-text')?.focus();
  });

  const tooLong = parsed.tooLong.map((n) => count(n)).join(', ');
  const notShown = parsed.add.length - PREVIEW_SHOWN;
  return (
    <>
      <h3>{t('ownBulkHeading')}</h3>
      <p class="muted small">{t('ownBulkHelp')}</p>
      <div class="field">
        <label for="own-bulk-text">{t('ownBulkText')}</label>
        <textarea
          id="own-bulk-text"
          value={text}
          spellcheck={false}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setNote(null);
          }}
        />
      </div>
      <div class="field row">
        <FileButton label={t('ownBulkFile')} accept=".txt,text/plain" onFile={(file) => void readFile(file)} />
      </div>
      {text.trim() !== '' ? (
        <div class="preview own-preview">
          <div role="group" aria-labelledby="own-bulk-fields">
            <p id="own-bulk-fields" class="group-label">
              {t('ownBulkFields')}
            </p>
            <div class="field">
              <KindSelect id="own-bulk-kind" value={category} onChange={setCategory} />
            </div>
            <RadioGroup
              name="own-bulk-mode"
              legend={t('ownMode')}
              value={mode}
              options={modeOptions(t)}
              onChange={setMode}
            />
            <RadioGroup
              name="own-bulk-intensity"
              legend={t('ownIntensity')}
              value={intensity}
              options={intensityOptions(t)}
              onChange={setIntensity}
            />
          </div>
          {parsed.add.length > 0 ? (
            <>
              <p>
                <strong>{t('ownBulkPreview', count(parsed.add.length))}</strong>
              </p>
              <ul>
                {parsed.add.slice(0, PREVIEW_SHOWN).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
              {notShown > 0 && <p class="small muted">{t('ownBulkMore', count(notShown))}</p>}
            </>
          ) : (
            <p>{t('ownBulkNothing')}</p>
          )}
          {parsed.blank > 0 && <p class="small">{t('ownBulkBlank', count(parsed.blank))}</p>}
          {parsed.duplicates > 0 && <p class="small">{t('ownBulkDuplicates', count(parsed.duplicates))}</p>}
          {parsed.notText > 0 && <p class="small">{t('ownBulkNotText', count(parsed.notText))}</p>}
          {parsed.tooLong.length > 0 && (
            <p class="small">{parsed.tooLong.length === 1 ? t('ownBulkTooLongOne', tooLong) : t('ownBulkTooLongMany', tooLong)}</p>
          )}
          {total > OWN_IDEAS_MAX && parsed.add.length > 0 && <p class="small notice">{t('ownLimitPreview', count(total))}</p>}
          <div class="row">
            {parsed.add.length > 0 && (
              <button type="button" class="primary" disabled={busy} onClick={() => void addAll()}>
                {parsed.add.length === 1 ? t('ownBulkAddOne') : t('ownBulkAddMany', count(parsed.add.length))}
              </button>
            )}
            <button
              type="button"
              class="ghost"
              onClick={() => {
                setText('');
                setNote(null);
                document.getElementById('own-bulk-text')?.focus();
              }}
            >
              {t('ownBulkDiscard')}
            </button>
          </div>
        </div>
      ) : null}
      <NoteLine note={note} />
    </>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RadioGroup } from '../../ui/RadioGroup';
import { FileButton } from '../../ui/FileButton';
import { useServices } from '../../platform/services';
import type { Translate } from '../../platform/i18n';
import { CATEGORIES, IDEA_TEXT_MAX, INTENSITIES, MODES, type Category, type Intensity, type Mode } from '../library';
import {
  createOwnIdea,
  matchesSearch,
  OWN_IDEAS_MAX,
  ownIdeasFileName,
  ownIdeasText,
  parseIdeaLines,
  type OwnIdeaFields,
} from './own-ideas';
import type { OwnIdea } from '../../model/records';
import { useWrite } from '../../ui/useWrite';
import { NoteLine, type Note } from './NoteLine';
import { checkTypedIdea, readIdeaFile } from './own-text';
import './own-ideas.css';

/** How many of the ideas about to be brought in the preview names; the rest are counted. */
const PREVIEW_SHOWN = 20;
const DEFAULT_FIELDS: OwnIdeaFields = { text: '', category: 'talk', mode: 'together', minutes: null, intensity: 'gentle' };


/** Settings › Your ideas: write, edit, delete, search, bring in many at once, and save them to share. */
export function OwnIdeasSection({ download }: { download: (fileName: string, text: string, type?: string) => void }) {
  const { t, store, now, random, locale } = useServices();
  const [ideas, setIdeas] = useState<OwnIdea[] | null>(null);
  const [damaged, setDamaged] = useState(0);
  const [query, setQuery] = useState('');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [addNote, setAddNote] = useState<Note>(null);
  const [listNote, setListNote] = useState<Note>(null);
  const [shareNote, setShareNote] = useState<Note>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  const refresh = async () => {
    const [list, broken] = await Promise.all([store.readOwnIdeas(), store.countDamagedOwnIdeas()]);
    setIdeas(list);
    setDamaged(broken);
  };
  useEffect(() => {
    void refresh();
    // Ideas added in another tab, an import or "Delete all data" show here at once.
    return store.onChange((change) => {
      if (change !== 'ownIdeas' && change !== 'all') return;
      void refresh();
      // What an Undo here refers to changed elsewhere: the Undo ends.
      setListNote((note) => (note?.undo ? { text: note.text } : note));
    });
  }, [store]);

  // After a delete, focus goes to its Undo; after an edit or an undo, back to the idea's Edit button.
  useEffect(() => {
    if (!focusTarget) return;
    const target =
      focusTarget === 'undo' ? undoRef.current : listRef.current?.querySelector<HTMLElement>(`[data-edit="${focusTarget}"]`);
    target?.focus();
    setFocusTarget(null);
  });

  const list = ideas ?? [];
  const count = (n: number) => n.toLocaleString(locale);
  /** A creation time after every stored idea's, so ids never collide and "newest" stays well-defined. */
  const nextTime = () => Math.max(now(), ...list.map((o) => o.createdAt + 1));
  const isTaken = (text: string, exceptId?: string) => list.some((o) => o.id !== exceptId && o.text === text.trim());

  /** Writes ideas; says why when nothing could be written. Returns whether they were written. */
  const put = async (changed: OwnIdea[], added: number, say: (note: Note) => void): Promise<boolean> => {
    try {
      if (!(await store.putOwnIdeas(changed))) {
        say({ text: t('ownLimit', count(list.length + added)), error: true });
        return false;
      }
    } catch {
      say({ text: t('ownWriteFailed'), error: true });
      return false;
    }
    await refresh();
    return true;
  };

  const add = async (fields: OwnIdeaFields): Promise<string | null> => {
    if (isTaken(fields.text)) return t('ownDuplicate');
    const ok = await put([createOwnIdea(fields, nextTime(), random)], 1, setAddNote);
    if (ok) setAddNote({ text: t('ownAdded') });
    return ok ? null : '';
  };

  const saveEdit = async (idea: OwnIdea, fields: OwnIdeaFields): Promise<string | null> => {
    if (isTaken(fields.text, idea.id)) return t('ownDuplicate');
    const ok = await put([{ ...idea, ...fields, text: fields.text.trim() }], 0, setListNote);
    if (!ok) return '';
    setEditingId(null);
    setListNote({ text: t('saved') });
    setFocusTarget(idea.id);
    return null;
  };

  // Delete and its Undo, once each: the store hands back what it removed (with its mark) only the first time.
  const removal = useWrite();
  const remove = (idea: OwnIdea) =>
    removal.run(async () => {
      const removed = await store.removeOwnIdea(idea.id).catch(() => setListNote({ text: t('ownWriteFailed'), error: true }));
      await refresh();
      if (removed) setListNote({ text: t('ownDeleted'), undo: removed });
      if (removed) setFocusTarget('undo');
    });
  // Refused by the store once the idea is back or the data was wiped (another tab, an import).
  const undoRemove = (removed: NonNullable<NonNullable<Note>['undo']>) =>
    removal.run(async () => {
      const restored = await store.restoreOwnIdea(removed).catch(() => false);
      await refresh();
      setListNote({ text: t(restored ? 'undone' : 'undoGone') });
      setFocusTarget(restored ? removed.idea.id : null);
    });

  const shown = useMemo(
    () => [...list].reverse().filter((o) => matchesSearch(o, query, locale)),
    [ideas, query, locale],
  );
  // The same element while nothing it shows changed, so Preact skips the list entirely.
  const listNode = useMemo(
    () => (
      <OwnList
        shown={shown}
        editingId={editingId}
        onEdit={(idea) => {
          setListNote(null);
          setEditingId(idea.id);
        }}
        onCancel={(idea) => {
          setEditingId(null);
          setFocusTarget(idea.id);
        }}
        onSave={saveEdit}
        onDelete={(idea) => void remove(idea)}
      />
    ),
    [shown, editingId],
  );

  return (
    <section aria-labelledby="own" class="own-ideas">
      <h2 id="own" tabIndex={-1}>
        {t('ownHeading')}
      </h2>
      <p class="muted small">{t('ownIntro')}</p>
      {damaged > 0 && (
        <p class="small notice">{damaged === 1 ? t('ownDamagedOne') : t('ownDamagedMany', count(damaged))}</p>
      )}

      <h3>{t('ownAddHeading')}</h3>
      <IdeaForm idPrefix="own-add" initial={DEFAULT_FIELDS} submitLabel={t('ownAdd')} onSubmit={add} resetOnSuccess onEdit={() => setAddNote(null)} />
      <NoteLine note={addNote} />

      <h3>{t('ownListHeading')}</h3>
      <div ref={listRef}>
        {ideas === null ? (
          <p class="muted small" aria-busy="true">
            {t('loading')}
          </p>
        ) : list.length === 0 ? (
          <p class="small">{t('ownEmpty')}</p>
        ) : (
          <>
            <div class="field">
              <label for="own-search">{t('ownSearch')}</label>
              <input id="own-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            </div>
            {shown.length === 0 ? (
              <div class="row">
                <p class="small">{t('ownNoResults', query.trim())}</p>
                <button
                  type="button"
                  onClick={() => {
                    setQuery('');
                    document.getElementById('own-search')?.focus();
                  }}
                >
                  {t('ownClearSearch')}
                </button>
              </div>
            ) : (
              listNode
            )}
          </>
        )}
        <NoteLine note={listNote} undoRef={undoRef} onUndo={(undo) => void undoRemove(undo)} />
      </div>

      <BulkAdd ideas={list} nextTime={nextTime} onAdded={refresh} />

      <h3>{t('ownShareHeading')}</h3>
      <p class="muted small">{t('ownShareHelp')}</p>
      {list.length > 0 && (
        <div class="field">
          <button
            type="button"
            onClick={() => {
              download(ownIdeasFileName(now()), ownIdeasText(list), 'text/plain;charset=utf-8');
              setShareNote({ text: t('ownShared') });
            }}
          >
            {t('ownShare')}
          </button>
        </div>
      )}
      <NoteLine note={shareNote} />
    </section>
  );
}

/** The list itself, apart, so that typing elsewhere in the section does not re-render a thousand ideas. */
/** The kind of an idea, as one of the ten kinds; the same in the single and the bulk form. */
function KindSelect({ id, value, onChange }: { id: string; value: Category; onChange: (category: Category) => void }) {
  const { t } = useServices();
  return (
    <>
      <label for={id}>{t('ownKind')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Category)}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category_${c}`)}
          </option>
        ))}
      </select>
    </>
  );
}

const modeOptions = (t: Translate) => MODES.map((value) => ({ value, label: t(`ownMode_${value}`) }));
const intensityOptions = (t: Translate) => INTENSITIES.map((value) => ({ value, label: t(`ownIntensity_${value}`) }));

function OwnList({
  shown,
  editingId,
  onEdit,
  onCancel,
  onSave,
  onDelete,
}: {
  shown: OwnIdea[];
  editingId: string | null;
  onEdit: (idea: OwnIdea) => void;
  onCancel: (idea: OwnIdea) => void;
  onSave: (idea: OwnIdea, fields: OwnIdeaFields) => Promise<string | null>;
  onDelete: (idea: OwnIdea) => void;
}) {
  const { t } = useServices();
  return (
    <ul class="own-list">
      {shown.map((idea) => (
        <li key={idea.id}>
          {editingId === idea.id ? (
            <IdeaForm
              idPrefix="own-edit"
              label={t('ownEditLabel')}
              initial={idea}
              submitLabel={t('ownSave')}
              onSubmit={(fields) => onSave(idea, fields)}
              onCancel={() => onCancel(idea)}
              autoFocus
            />
          ) : (
            <>
              <p class="own-text" id={`own-text-${idea.id}`}>
                {idea.text}
              </p>
              <p class="own-meta small muted">
                {[
                  t(`category_${idea.category}`),
                  t(`ownMode_${idea.mode}`),
                  idea.minutes === null ? null : t('aboutMinutes', String(idea.minutes)),
                  t(`ownIntensity_${idea.intensity}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <div class="row">
                <button
                  type="button"
                  class="ghost"
                  data-edit={idea.id}
                  aria-describedby={`own-text-${idea.id}`}
                  onClick={() => onEdit(idea)}
                >
                  {t('ownEdit')}
                </button>
                <button
                  type="button"
                  class="ghost"
                  aria-describedby={`own-text-${idea.id}`}
                  onClick={() => onDelete(idea)}
                >
                  {t('ownDelete')}
                </button>
              </div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Text, kind, for two or one, minutes and closeness: adding one idea, or editing one in place. */
function IdeaForm({
  idPrefix,
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onEdit,
  resetOnSuccess = false,
  autoFocus = false,
}: {
  idPrefix: string;
  label?: string;
  initial: OwnIdeaFields;
  submitLabel: string;
  /** Resolves to null when done, or to a message about the text ('' when the message is shown elsewhere). */
  onSubmit: (fields: OwnIdeaFields) => Promise<string | null>;
  onCancel?: () => void;
  onEdit?: () => void;
  resetOnSuccess?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useServices();
  const [text, setText] = useState(initial.text);
  const [category, setCategory] = useState<Category>(initial.category);
  const [mode, setMode] = useState<Mode>(initial.mode);
  const [minutes, setMinutes] = useState(initial.minutes === null ? '' : String(initial.minutes));
  const [intensity, setIntensity] = useState<Intensity>(initial.intensity);
  const [textError, setTextError] = useState('');
  const [minutesError, setMinutesError] = useState(false);
  const { busy, run } = useWrite();
  const textRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) textRef.current?.focus();
  }, []);

  const length = text.trim().length;
  const over = length - IDEA_TEXT_MAX;
  const edited = () => {
    setTextError('');
    onEdit?.();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const wantedMinutes = minutes.trim() === '' ? null : Number(minutes);
    const minutesOk = wantedMinutes === null || (Number.isInteger(wantedMinutes) && wantedMinutes >= 1 && wantedMinutes <= 60);
    setMinutesError(!minutesOk);
    const checked = checkTypedIdea(text, t);
    if ('message' in checked || over > 0) {
      setTextError('message' in checked ? checked.message : t('ownTextOver', String(over)));
      textRef.current?.focus();
      return;
    }
    if (!minutesOk) return;
    const submitted = checked.text;
    const problem = await run(() => onSubmit({ text: submitted, category, mode, minutes: wantedMinutes, intensity }));
    if (problem === undefined) return;
    if (problem) {
      setTextError(problem);
      textRef.current?.focus();
    } else if (problem === null && resetOnSuccess && textRef.current?.value.trim() === submitted) {
      // Ready for the next one, unless the person already started typing it.
      setText('');
      setMinutes('');
      textRef.current?.focus();
    }
  };

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={label} noValidate>
      <div class="field">
        <label for={id('text')}>{t('ownText')}</label>
        <input
          ref={textRef}
          id={id('text')}
          type="text"
          value={text}
          aria-invalid={textError !== '' || over > 0}
          aria-describedby={`${id('count')}${textError ? ` ${id('text-error')}` : ''}`}
          onInput={(e) => {
            setText(e.currentTarget.value);
            edited();
          }}
        />
        <p id={id('count')} class="small muted">
          {over > 0 ? t('ownTextOver', String(over)) : t('ownTextCount', String(length))}
        </p>
        {textError && (
          <p id={id('text-error')} class="error" role="alert">
            {textError}
          </p>
        )}
      </div>
      <div class="field">
        <KindSelect id={id('kind')} value={category} onChange={setCategory} />
      </div>
      <RadioGroup
        name={id('mode')}
        legend={t('ownMode')}
        value={mode}
        options={modeOptions(t)}
        onChange={setMode}
      />
      <div class="field">
        <label for={id('minutes')}>{t('ownMinutes')}</label>
        <input
          id={id('minutes')}
          type="number"
          min={1}
          max={60}
          step={1}
          value={minutes}
          aria-invalid={minutesError}
          aria-describedby={minutesError ? id('minutes-error') : undefined}
          onInput={(e) => {
            setMinutes(e.currentTarget.value);
            setMinutesError(false);
          }}
        />
        {minutesError && (
          <p id={id('minutes-error')} class="error" role="alert">
            {t('ownMinutesInvalid')}
          </p>
        )}
      </div>
      <RadioGroup
        name={id('intensity')}
        legend={t('ownIntensity')}
        value={intensity}
        options={intensityOptions(t)}
        onChange={setIntensity}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('ownCancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** "Bring in many at once": pasted text or a .txt file, previewed, then added in one transaction. */
function BulkAdd({ ideas, nextTime, onAdded }: { ideas: OwnIdea[]; nextTime: () => number; onAdded: () => Promise<void> }) {
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
          <fieldset>
            <legend>{t('ownBulkFields')}</legend>
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
          </fieldset>
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

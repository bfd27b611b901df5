import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import { createOwnIdea, matchesSearch, ownIdeasFileName, ownIdeasText, type OwnIdeaFields } from './own-ideas';
import type { OwnIdea } from '../../model/records';
import { useWrite } from '../../ui/useWrite';
import { NoteLine, type Note } from './NoteLine';
import { OwnList } from './OwnList';
import { BulkAdd } from './BulkAdd';
import { DEFAULT_FIELDS, IdeaForm } from './OwnIdeaForm';
import './own-ideas.css';

/** The same note without its Undo. */
const endUndo = (note: Note): Note => (note?.undo ? { text: note.text } : note);

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

  const read = async () => {
    const [list, broken] = await Promise.all([store.readOwnIdeas(), store.countDamagedOwnIdeas()]);
    setIdeas(list);
    setDamaged(broken);
    return list;
  };
  const refresh = async () => void (await read());
  useEffect(() => {
    void refresh();
    // Ideas added in another tab, an import or "Delete all data" show here at once.
    return store.onChange((change) => {
      if (change !== 'ownIdeas' && change !== 'all') return;
      // An Undo ends once what it refers to changed elsewhere: the data wiped, or the idea back already. Not on
      // every write to the ideas: this page hears its own too, its delete's among them, at times after the Undo shows.
      if (change === 'all') setListNote(endUndo);
      void read().then((list) => setListNote((note) => (list.some((i) => i.id === note?.undo?.idea.id) ? endUndo(note) : note)));
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
    const saved = await store.editOwnIdea({ ...idea, ...fields, text: fields.text.trim() }).catch(() => null);
    if (saved === null) {
      setListNote({ text: t('ownWriteFailed'), error: true });
      return '';
    }
    setEditingId(null);
    await refresh();
    // Deleted meanwhile in another tab: the edit brings nothing back, and says so.
    if (saved === 'gone') {
      setListNote({ text: t('ownEditGone'), error: true });
      return null;
    }
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
      {/* With no ideas of one's own the button stays, unable to act, and says why beside it. */}
      <div class="field row">
        <button
          type="button"
          disabled={list.length === 0}
          aria-describedby={list.length === 0 ? 'own-share-none' : undefined}
          onClick={() => {
            download(ownIdeasFileName(now()), ownIdeasText(list), 'text/plain;charset=utf-8');
            setShareNote({ text: t('ownShared') });
          }}
        >
          {t('ownShare')}
        </button>
        {list.length === 0 && (
          <span id="own-share-none" class="small muted">
            {t('ownShareNone')}
          </span>
        )}
      </div>
      <NoteLine note={shareNote} />
    </section>
  );
}


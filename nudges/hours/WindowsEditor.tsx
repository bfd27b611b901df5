import { useEffect, useState } from 'preact/hooks';
import { checkWindows, PREF_RANGES, type TimeWindow, type WeekWindows, type WindowProblem } from '../../model/prefs';
import { sameJson } from '../../lib/same-json';
import { useServices } from '../../platform/services';

const pad = (n: number) => String(n).padStart(2, '0');
const toClock = (minutes: number) => `${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}`;
const fromClock = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return Number.isFinite(h) && Number.isFinite(m) ? (h as number) * 60 + (m as number) : NaN;
};
/** Monday first; index is `Date.getDay()`. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

function weekdayName(day: number, locale: string): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(new Date(2024, 0, 7 + day));
}

/**
 * Together hours per weekday. Edits stay in a draft; the draft is saved as soon as it is
 * valid, and an invalid one shows what is wrong next to the window and is not saved.
 */
export function WindowsEditor({
  windows,
  onSave,
}: {
  windows: WeekWindows;
  /** With `expected` (an Undo): saved only while the stored hours are still `expected`. */
  onSave: (w: WeekWindows, expected?: WeekWindows) => void;
}) {
  const { t, locale } = useServices();
  const [draft, setDraft] = useState(windows);
  /** The day whose hours "Copy to all days" copies. */
  const [copyFrom, setCopyFrom] = useState(DAY_ORDER[0] as number);
  /** What the last "Copy to all days" said; `previous` (the saved week) makes it undoable. */
  const [copyNote, setCopyNote] = useState<{ text: string; refused: boolean; previous: WeekWindows | null; set?: WeekWindows } | null>(null);
  useEffect(() => setDraft(windows), [JSON.stringify(windows)]);
  const problems = checkWindows(draft);

  /** Copies one day's windows to every day, unless they (or the week they make) are not valid. */
  const copyToAll = (day: number) => {
    const name = weekdayName(day, locale);
    const list = draft[day] ?? [];
    const next = draft.map(() => list.map((w) => ({ ...w })));
    if (problems.some((p) => p.day === day) || checkWindows(next).length > 0) {
      setCopyNote({ text: t('copyRefused', name), refused: true, previous: null });
      return;
    }
    setCopyNote({ text: t('copiedToAll', name), refused: false, previous: windows, set: next });
    update(next);
  };
  const undoCopy = (previous: WeekWindows, set: WeekWindows) => {
    setDraft(previous);
    onSave(previous, set);
    setCopyNote({ text: t('hoursRestored'), refused: false, previous: null });
  };

  const update = (next: WeekWindows) => {
    setDraft(next);
    if (checkWindows(next).length === 0) onSave(next);
  };
  const setWindow = (day: number, index: number, change: Partial<TimeWindow>) =>
    update(draft.map((list, d) => (d !== day ? list : list.map((w, i) => (i === index ? { ...w, ...change } : w)))));

  const message = (p: WindowProblem) =>
    p.kind === 'end-before-start'
      ? t('windowEndBeforeStart')
      : p.kind === 'overlap'
        ? t('windowOverlap')
        : p.kind === 'too-many'
          ? t('windowTooMany', String(PREF_RANGES.windowsPerDay))
          : t('windowInvalid');

  return (
    <div class="windows">
      {DAY_ORDER.map((day) => {
        const name = weekdayName(day, locale);
        const dayProblems = problems.filter((p) => p.day === day);
        const list = draft[day] ?? [];
        return (
          <fieldset key={day} class="day">
            <legend>{name}</legend>
            {list.length === 0 && <p class="muted small">{t('noWindows')}</p>}
            {list.map((w, index) => {
              const id = `w-${day}-${index}`;
              const own = dayProblems.filter((p) => 'index' in p && p.index === index);
              // 1440 is midnight at the end of the day: 00:00 the next day, so the box stays ticked.
              const nextDay = w.end >= 1440;
              return (
                <div key={index} class="window" role="group" aria-label={t('windowLabel', [name, String(index + 1)])}>
                  <label for={`${id}-from`}>{t('from')}</label>
                  <input
                    id={`${id}-from`}
                    type="time"
                    value={toClock(w.start)}
                    aria-invalid={own.length > 0}
                    aria-describedby={own.length ? `${id}-error` : undefined}
                    onChange={(e) => {
                      const start = fromClock(e.currentTarget.value);
                      if (!Number.isNaN(start)) setWindow(day, index, { start });
                    }}
                  />
                  <label for={`${id}-to`}>{t('to')}</label>
                  <input
                    id={`${id}-to`}
                    type="time"
                    value={toClock(w.end)}
                    aria-invalid={own.length > 0}
                    aria-describedby={own.length ? `${id}-error` : undefined}
                    onChange={(e) => {
                      const end = fromClock(e.currentTarget.value);
                      if (!Number.isNaN(end)) setWindow(day, index, { end: end + (nextDay ? 1440 : 0) });
                    }}
                  />
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={nextDay}
                      onChange={(e) =>
                        setWindow(day, index, { end: (w.end % 1440) + (e.currentTarget.checked ? 1440 : 0) })
                      }
                    />
                    <span>{t('endsNextDay')}</span>
                  </label>
                  <button
                    type="button"
                    class="link"
                    aria-label={t('removeWindowNamed', [name, String(index + 1)])}
                    onClick={() => update(draft.map((l, d) => (d === day ? l.filter((_, i) => i !== index) : l)))}
                  >
                    {t('removeWindow')}
                  </button>
                  {own.length > 0 && (
                    <p id={`${id}-error`} class="error" role="alert">
                      {message(own[0] as WindowProblem)}
                    </p>
                  )}
                </div>
              );
            })}
            {dayProblems
              .filter((p) => !('index' in p))
              .slice(0, 1)
              .map((p) => (
                <p key="day-error" class="error" role="alert">
                  {message(p)}
                </p>
              ))}
            <div class="day-actions">
              <button
                type="button"
                aria-label={t('addWindowNamed', name)}
                onClick={() =>
                  update(draft.map((l, d) => (d === day ? [...l, { start: 12 * 60, end: 13 * 60 }] : l)))
                }
              >
                {t('addWindow')}
              </button>
            </div>
          </fieldset>
        );
      })}
      {/* One copy for the week: pick the day whose hours every day gets. */}
      <div class="copy-all row">
        <label for="copy-from">{t('copyFrom')}</label>
        <select id="copy-from" value={String(copyFrom)} onChange={(e) => setCopyFrom(Number(e.currentTarget.value))}>
          {DAY_ORDER.map((day) => (
            <option key={day} value={String(day)}>
              {weekdayName(day, locale)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => copyToAll(copyFrom)}>
          {t('copyToAll')}
        </button>
      </div>
      {copyNote && (
        <p class={copyNote.refused ? 'error' : 'small row'} role={copyNote.refused ? 'alert' : 'status'}>
          <span>{copyNote.text}</span>
          {/* The Undo ends once the saved hours changed since (another tab, an import). */}
          {copyNote.previous && copyNote.set && sameJson(windows, copyNote.set) && (
            <button type="button" class="link" onClick={() => undoCopy(copyNote.previous as WeekWindows, copyNote.set as WeekWindows)}>
              {t('undoHours')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

import { useState } from 'preact/hooks';
import { FileButton } from '../../components/FileButton';
import { useServices } from '../../components/services';
import { busyProps, useWrite } from '../../components/useWrite';
import type { MessageKey } from '../../utils/i18n';
import {
  backupErrorMessage,
  backupFileName,
  BACKUP_MAX_BYTES,
  createBackup,
  parseBackup,
  summarizeBackup,
  type BackupSummary,
  type ParsedFile,
} from '../../utils/backup';

type Message = { text: string; error: boolean } | null;

/** Export, import and delete: everything a person keeps in Tend, in their hands. */
export function DataSection({ download }: { download: (fileName: string, text: string) => void }) {
  const services = useServices();
  const { t, store, now } = services;
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState<ParsedFile | null>(null);
  const [busy, setBusy] = useState(false);
  // Replace and "Delete all data" run once per click: a double click or Enter is one write.
  const writing = useWrite();

  const afterChange = () => services.replanNudges();

  const readFile = async (file: File) => {
    setPending(null);
    if (file.size > BACKUP_MAX_BYTES) return setMessage({ text: t('importTooLarge'), error: true });
    setBusy(true);
    setMessage({ text: t('importReading'), error: false });
    const parsed = parseBackup(await file.text());
    setBusy(false);
    if (!parsed.ok) return setMessage({ text: backupErrorMessage(parsed.error, t), error: true });
    setMessage(null);
    setPending(parsed);
  };

  const replace = (parsed: ParsedFile) => writing.run(async () => {
    setBusy(true);
    try {
      await store.replaceAll(parsed.snapshot);
    } catch {
      setBusy(false);
      return setMessage({ text: t('importWriteFailed'), error: true });
    }
    setBusy(false);
    setPending(null);
    await afterChange();
    setMessage({ text: t('importDone'), error: false });
  });

  return (
    <section aria-labelledby="data">
      <h2 id="data" tabIndex={-1}>
        {t('dataHeading')}
      </h2>
      <p class="muted small">{t('dataHelp')}</p>
      <div class="field row">
        <button
          type="button"
          onClick={async () => {
            download(backupFileName(now()), createBackup(await store.readSnapshot(), now()));
            setMessage({ text: t('exportDone'), error: false });
          }}
        >
          {t('exportData')}
        </button>
        <FileButton label={t('importData')} accept="application/json,.json" disabled={busy} onFile={(file) => void readFile(file)} />
      </div>
      {pending && (
        <div class="notice" role="group" aria-labelledby="import-question">
          <p id="import-question">{describeFile(summarizeBackup(pending), t, services.locale)}</p>
          <p>{t('importAsk')}</p>
          <div class="row">
            <button type="button" class="primary" disabled={busy} {...busyProps(writing.busy)} onClick={() => void replace(pending)}>
              {t('importReplace')}
            </button>
            <button
              type="button"
              autoFocus
              onClick={() => {
                setPending(null);
                setMessage({ text: t('importCancelled'), error: false });
              }}
            >
              {t('importCancel')}
            </button>
          </div>
        </div>
      )}
      <div class="field">
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('deleteAll')}
          </button>
        ) : (
          <div class="notice" role="group" aria-labelledby="delete-confirm">
            <p id="delete-confirm">{t('deleteConfirm')}</p>
            <div class="row">
              {/* The safe choice comes first and has the focus. */}
              <button type="button" class="primary" autoFocus onClick={() => setConfirming(false)}>
                {t('deleteNo')}
              </button>
              <button
                type="button"
                class="danger"
                {...busyProps(writing.busy)}
                onClick={() =>
                  void writing.run(async () => {
                    await store.clearAll();
                    setConfirming(false);
                    await afterChange();
                    setMessage({ text: t('deleteDone'), error: false });
                  })
                }
              >
                {t('deleteYes')}
              </button>
            </div>
          </div>
        )}
      </div>
      {message && (
        <p class={message.error ? 'error' : 'small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** "From 3 Dec: 12 favourites, 240 days of history, your settings." */
function describeFile(summary: BackupSummary, t: ReturnType<typeof useServices>['t'], locale: string): string {
  const count = (n: number, one: MessageKey, many: MessageKey) => (n === 0 ? false : n === 1 ? t(one) : t(many, String(n)));
  const parts = [
    count(summary.favourites, 'importHasFavourite', 'importHasFavourites'),
    count(summary.historyDays, 'importHasDay', 'importHasDays'),
    count(summary.ownIdeas, 'importHasOwnIdea', 'importHasOwnIdeas'),
    count(summary.checkins, 'importHasCheckIn', 'importHasCheckIns'),
    count(summary.talks, 'importHasTalk', 'importHasTalks'),
    summary.hasPrefs && t('importHasPrefs'),
  ].filter((p): p is string => typeof p === 'string');
  const list = parts.join(', ') || t('importHasDefaults');
  if (summary.exportedAt === null) return t('importHolds', list);
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(summary.exportedAt);
  return t('importHoldsFrom', [date, list]);
}

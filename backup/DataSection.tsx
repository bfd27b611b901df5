import { useState } from 'preact/hooks';
import { FileButton } from '../ui/FileButton';
import { useServices } from '../platform/services';
import { busyProps, useWrite } from '../ui/useWrite';
import { backupFileName, BACKUP_MAX_BYTES, createBackup, parseBackup, type ParsedFile } from './backup';
import { backupErrorMessage, describeBackup, summarizeBackup } from './backup-messages';
import { readTextFile } from '../platform/read-text-file';
import type { OptionsActions } from '../platform/settings-section';
import { SyncPart } from '../sync/SyncPart';

type Message = { text: string; error: boolean } | null;
const FILE_PROBLEM = { 'too-large': 'importTooLarge', 'not-text': 'textFileNotPlain', unreadable: 'fileReadFailed' } as const;

/** Export, import and delete: everything a person keeps in Tend, in their hands. */
export function DataSection({ download, sync }: { download: (fileName: string, text: string) => void; sync: OptionsActions['sync'] }) {
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
    // Its bytes, checked as every text file is (text.ts): a file that is not plain UTF-8 text is not guessed at.
    // A file removed or changed since it was chosen says so, and Import works again.
    const read = await readTextFile(file, BACKUP_MAX_BYTES);
    setBusy(false);
    if ('error' in read) return setMessage({ text: t(FILE_PROBLEM[read.error]), error: true });
    const parsed = parseBackup(read.text);
    if (!parsed.ok) return setMessage({ text: backupErrorMessage(parsed.error, t, services.locale), error: true });
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
    setMessage({ text: t(parsed.hasPrefs ? 'importDone' : 'importDoneSettingsKept'), error: false });
    await afterChange();
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
          <ImportQuestion parsed={pending} />
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
                    try {
                      await store.clearAll();
                    } catch {
                      // One transaction: a failed delete changed nothing, and the page says so.
                      setConfirming(false);
                      return setMessage({ text: t('deleteFailed'), error: true });
                    }
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
      <SyncPart sync={sync} />
    </section>
  );
}

/** What the file holds, and what becomes of the settings, before anything is replaced. */
function ImportQuestion({ parsed }: { parsed: ParsedFile }) {
  const { t, locale } = useServices();
  const { holds, ask } = describeBackup(summarizeBackup(parsed), t, locale);
  return (
    <>
      <p id="import-question">{holds}</p>
      <p id="import-settings">{ask}</p>
    </>
  );
}

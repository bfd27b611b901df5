import { useState } from 'preact/hooks';
import { useServices } from '../../components/services';
import { backupErrorMessage, backupFileName, BACKUP_MAX_BYTES, createBackup, parseBackup } from '../../utils/backup';

/** Export, import and delete: everything a person keeps in Tend, in their hands. */
export function DataSection({
  download,
  onChanged,
}: {
  download: (fileName: string, text: string) => void;
  onChanged: () => Promise<void>;
}) {
  const services = useServices();
  const { t, store, now } = services;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const afterChange = async () => {
    await onChanged();
    services.announcePrefs(await store.readPrefs());
    await services.replanNudges();
  };

  const importFile = async (file: File) => {
    if (file.size > BACKUP_MAX_BYTES) return setMessage({ text: t('importTooLarge'), error: true });
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      return setMessage({ text: backupErrorMessage(parsed.error, t), error: true });
    }
    try {
      await store.replaceAll(parsed.snapshot);
    } catch {
      return setMessage({ text: t('importWriteFailed'), error: true });
    }
    await afterChange();
    setMessage({ text: t('importDone'), error: false });
  };

  return (
    <section aria-labelledby="data">
      <h2 id="data">{t('dataHeading')}</h2>
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
        <label class="file-button">
          <span>{t('importData')}</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      <div class="field">
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('deleteAll')}
          </button>
        ) : (
          <div class="notice" role="group" aria-labelledby="delete-confirm">
            <p id="delete-confirm">{t('deleteConfirm')}</p>
            <div class="row">
              <button
                type="button"
                class="primary"
                onClick={async () => {
                  await store.clearAll();
                  setConfirming(false);
                  await afterChange();
                  setMessage({ text: t('deleteDone'), error: false });
                }}
              >
                {t('deleteYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('deleteNo')}
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

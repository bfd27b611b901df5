import { useState } from 'preact/hooks';
import { useServices } from '../platform/services';

/**
 * When Tend's database cannot be opened: say why, and offer the two ways out — keep a copy of
 * what can still be read, and start fresh (asked first). Nudges go on with default settings meanwhile.
 */
export function DbTrouble({ error, download }: { error: unknown; download?: (fileName: string, text: string) => void }) {
  const { t, rescue } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const newer = (error as { reason?: string } | null)?.reason === 'newer';
  return (
    <section class="notice trouble" role="alert" aria-labelledby="trouble-title">
      <h2 id="trouble-title">{t('troubleTitle')}</h2>
      <p>{t(newer ? 'troubleNewer' : 'troubleDamaged')}</p>
      <p class="muted small">{t('troubleNudges')}</p>
      <div class="row">
        <button
          type="button"
          onClick={async () => {
            try {
              const { fileName, text } = await rescue.exportReadable();
              (download ?? rescue.download)(fileName, text);
              setMessage(t('troubleExported'));
            } catch {
              setMessage(t('troubleExportFailed'));
            }
          }}
        >
          {t('troubleExport')}
        </button>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('troubleFresh')}
          </button>
        ) : (
          <span class="row" role="group" aria-labelledby="fresh-confirm">
            <span id="fresh-confirm">{t('troubleFreshConfirm')}</span>
            <button type="button" class="primary" autoFocus onClick={() => setConfirming(false)}>
              {t('deleteNo')}
            </button>
            <button
              type="button"
              onClick={async () => {
                try {
                  await rescue.startFresh();
                } catch {
                  setConfirming(false);
                  return setMessage(t('troubleFreshFailed'));
                }
                location.reload();
              }}
            >
              {t('troubleFreshYes')}
            </button>
          </span>
        )}
      </div>
      <p class="small" role="status">
        {message}
      </p>
    </section>
  );
}

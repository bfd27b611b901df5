import { useEffect, useState } from 'preact/hooks';
import { Checkbox } from '../ui/RadioGroup';
import { hexOf } from '../lib/random';
import { useServices } from '../platform/services';
import { busyProps, useWrite } from '../ui/useWrite';
import { useLatest } from '../ui/useLatest';
import { emptySyncState, parseSyncState, SYNC_KEY, type SyncState } from '../model/sync-state';
import type { OptionsActions } from '../platform/settings-section';

/** A new browser id for versions: 16 hex digits from crypto.getRandomValues. */
const newDevice = () => hexOf(crypto.getRandomValues(new Uint8Array(8)));

/** Settings › Your data › On your other browsers: opt-in sync, what travels and what never does, and a way to empty it. */
export function SyncPart({ sync }: { sync: OptionsActions['sync'] }) {
  const { t, store, locale } = useServices();
  const [state, setState] = useState<SyncState | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const writing = useWrite();
  const latest = useLatest();
  useEffect(() => {
    const read = () => void latest.read(() => store.readState(SYNC_KEY, parseSyncState), setState);
    read();
    return store.onChange((change) => {
      if (change === 'sync' || change === 'state' || change === 'all') read();
    });
  }, [store]);

  const turn = (on: boolean) =>
    writing.run(async () => {
      setMessage(null);
      latest.writing();
      // The box shows the choice at once; the stored record follows.
      setState((s) => s && { ...s, on });
      const next = await store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, on, device: s.device || newDevice(), failed: false }));
      setState(next);
      if (on) await sync.now().catch(() => {});
    });
  const clear = () =>
    writing.run(async () => {
      latest.writing();
      try {
        // Off here first, so this browser does not put its data straight back.
        setState(await store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...emptySyncState(), device: s.device })));
        await sync.clear();
        setMessage({ text: t('syncCleared'), error: false });
      } catch {
        setMessage({ text: t('syncClearFailed'), error: true });
      }
    });

  if (!state) return null;
  const time = (at: number) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
  return (
    <div class="sync-part" role="group" aria-labelledby="sync-heading">
      <h3 id="sync-heading">{t('syncHeading')}</h3>
      <div class="field">
        <Checkbox label={t('syncToggle')} hint={t('syncWhat')} checked={state.on} onChange={(on) => void turn(on)} />
      </div>
      <p class="small muted">{t('syncNever')}</p>
      <p class="small muted">{t(sync.firefox ? 'syncPrivacyFirefox' : 'syncPrivacyChrome')}</p>
      <p class="small" role="status">
        {!state.on ? t('syncOff') : state.failed ? t('syncFailed') : state.lastAt === null ? t('syncWaiting') : t('syncInStep', time(state.lastAt))}
      </p>
      {state.on && state.ownTravel && <p class="small">{t('syncOwnTravel', [String(state.ownTravel.travel), String(state.ownTravel.total)])}</p>}
      {state.on && state.unreadable > 0 && <p class="small">{t('syncUnreadable', String(state.unreadable))}</p>}
      <div class="field">
        <button type="button" {...busyProps(writing.busy)} onClick={() => void clear()}>
          {t('syncClear')}
        </button>
        <p class="small muted">{t('syncClearHelp')}</p>
      </div>
      {message && (
        <p class={message.error ? 'error' : 'small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

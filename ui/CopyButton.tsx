import { useState } from 'preact/hooks';
import { useUiServices } from '../platform/services';

/**
 * "Copy", with a quiet note beside it: "Copied", or how to copy by hand when the browser refused.
 * Keyed by its text where the text can change, so a new text starts without an old note.
 */
export function CopyButton({ text, primary = false }: { text: string; primary?: boolean }) {
  const { t, copyText } = useUiServices();
  const [note, setNote] = useState('');
  const copy = async () => {
    setNote('');
    try {
      await copyText(text);
      setNote(t('togetherCopied'));
    } catch {
      setNote(t('copyFailed'));
    }
  };
  return (
    <div class="row">
      <button type="button" class={primary ? 'primary' : undefined} onClick={() => void copy()}>
        {t('togetherCopy')}
      </button>
      <span class="small" role="status">
        {note}
      </span>
    </div>
  );
}

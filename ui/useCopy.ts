import { useState } from 'preact/hooks';
import { useUiServices } from '../platform/services';

/** Copy with a quiet note beside the button: "Copied", or how to copy by hand when the browser refused. */
export function useCopy(): { note: string; copy: (text: string) => Promise<void>; clear: () => void } {
  const { t, copyText } = useUiServices();
  const [note, setNote] = useState('');
  const copy = async (text: string) => {
    setNote('');
    try {
      await copyText(text);
      setNote(t('togetherCopied'));
    } catch {
      setNote(t('copyFailed'));
    }
  };
  return { note, copy, clear: () => setNote('') };
}

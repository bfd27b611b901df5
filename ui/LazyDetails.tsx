import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useUiServices } from '../platform/services';

/**
 * A closed disclosure whose content loads the first time it is opened: what most openings never
 * show is not fetched with them. The summary shows at once; a quiet "Loading…" covers the instant after opening.
 */
export function LazyDetails<M>({
  class: className,
  summary,
  load,
  children,
}: {
  class?: string;
  summary: ComponentChildren;
  load: () => Promise<M>;
  children: (loaded: M) => ComponentChildren;
}) {
  const { t } = useUiServices();
  const [opened, setOpened] = useState(false);
  const [loaded, setLoaded] = useState<{ module: M } | null>(null);
  useEffect(() => {
    if (opened && !loaded) void load().then((module) => setLoaded({ module }));
  }, [opened]);
  return (
    <details class={className} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened &&
        (loaded ? (
          children(loaded.module)
        ) : (
          <p class="muted small" aria-busy="true">
            {t('loading')}
          </p>
        ))}
    </details>
  );
}

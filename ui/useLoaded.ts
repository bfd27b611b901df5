import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component loaded the first time it is `needed` (null until then): what a page seldom shows is not fetched with it. */
export function useLoaded<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (needed && !component) void load().then((c) => setComponent(() => c));
  }, [needed]);
  return component;
}

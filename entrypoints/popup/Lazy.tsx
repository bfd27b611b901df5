/**
 * Parts of the popup that most openings never show — the check-in cards (see AfterPaint.tsx), the
 * "cannot open its data" notice — load only when they are needed, so the usual opening stays small and quick.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function useLoaded<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (needed && !component) void load().then((c) => setComponent(() => c));
  }, [needed]);
  return component;
}

/** Why the data cannot be opened, with the ways out. */
export function LazyDbTrouble({ error }: { error: unknown }) {
  const Trouble = useLoaded(true, () => import('../../components/DbTrouble').then((m) => m.DbTrouble));
  return Trouble ? <Trouble error={error} /> : <p class="muted" aria-busy="true" />;
}

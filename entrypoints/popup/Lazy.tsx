/**
 * Parts of the popup that most openings never show — the check-in cards (see AfterPaint.tsx), the
 * "cannot open its data" notice — load only when they are needed, with the data layer they work on
 * (`full`), so the usual opening stays small and quick.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ServicesContext, useUiServices, type Services } from '../../platform/services';
import { useLoaded } from '../../ui/useLoaded';

/** Draws its children with the data layer (the store) at hand, once that has loaded. */
export function WithStore({ children }: { children: () => ComponentChildren }) {
  const ui = useUiServices();
  const [services, setServices] = useState<Services | null>(null);
  useEffect(() => void ui.full().then(setServices), [ui]);
  return services ? <ServicesContext.Provider value={services}>{children()}</ServicesContext.Provider> : null;
}

/** Why the data cannot be opened, with the ways out. */
export function LazyDbTrouble({ error }: { error: unknown }) {
  const Trouble = useLoaded(true, () => import('../../ui/DbTrouble').then((m) => m.DbTrouble));
  return Trouble ? <WithStore>{() => <Trouble error={error} />}</WithStore> : <p class="muted" aria-busy="true" />;
}

import type { ApiClient } from '../api/client.ts';
import type { HostTransport } from '../api/hostLink.ts';
import type { ContextsStore } from './contextsStore.ts';

/** Keeps the context picker current: the list on every link-up, and pushed changes. */
export function connectContexts(
  api: Pick<ApiClient, 'on'>,
  transport: Pick<HostTransport, 'link' | 'onLink'>,
  store: ContextsStore,
): () => void {
  const stops = [
    api.on('contexts', (list) => store.getState().applyList(list)),
    transport.onLink((link) => {
      if (link.state === 'up') void store.getState().load();
    }),
  ];
  if (transport.link().state === 'up') void store.getState().load();
  return () => stops.forEach((stop) => stop());
}

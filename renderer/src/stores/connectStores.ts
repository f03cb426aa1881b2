import type { ApiClient } from '../api/client.ts';
import { describeFailure } from '../api/apiError.ts';
import type { HostTransport } from '../api/hostLink.ts';
import { createConnectionStore, type ConnectionStore } from './connectionStore.ts';
import { createHistoryStore, type HistoryStore } from './historyStore.ts';
import { createNodesStore, type NodesStore } from './nodesStore.ts';

export interface Stores {
  connection: ConnectionStore;
  history: HistoryStore;
  nodes: NodesStore;
}

export function createStores(): Stores {
  return { connection: createConnectionStore(), history: createHistoryStore(), nodes: createNodesStore() };
}

/**
 * Feeds the stores from the backend: pushed events as they come, plus a full refresh whenever
 * the host link comes up, because events sent while the link was down are lost for good.
 * Returns a function that stops listening.
 */
export function connectStores(
  api: ApiClient,
  transport: Pick<HostTransport, 'link' | 'onLink'>,
  stores: Stores,
): () => void {
  const connection = stores.connection.getState();
  const history = stores.history.getState();
  const nodes = stores.nodes.getState();
  let stopped = false;

  async function refresh(): Promise<void> {
    const [app, snapshot] = await Promise.allSettled([
      api.call('app.status', {}),
      api.call('nodes.list', {}),
    ]);
    if (stopped) return;
    if (app.status === 'fulfilled') {
      connection.applyAppStatus(app.value);
      history.applyStatus(app.value.history);
    } else {
      connection.setLoadError(describeFailure(app.reason));
    }
    if (snapshot.status === 'fulfilled') nodes.applySnapshot(snapshot.value);
    else nodes.setLoadError(describeFailure(snapshot.reason));
  }

  const stops = [
    api.on('connection', (status) => connection.applyStatus(status)),
    api.on('history', (status) => history.applyStatus(status)),
    api.on('nodes', (snapshot) => nodes.applySnapshot(snapshot)),
    transport.onLink((link) => {
      connection.applyLink(link);
      if (link.state === 'up') void refresh();
    }),
  ];

  const initial = transport.link();
  connection.applyLink(initial);
  if (initial.state === 'up') void refresh();

  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

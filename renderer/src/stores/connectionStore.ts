import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStatus, ConnectionStatus } from '../../../core/contract/index.ts';
import type { HostLink } from '../api/hostLink.ts';

export interface ConnectionState {
  /** The cluster connection as the backend last reported it; null until the first report. */
  status: ConnectionStatus | null;
  /** The renderer's own link to the host (WebSocket or IPC). */
  link: HostLink;
  /** Which backend answered app.status, for Settings and bug reports. */
  app: Pick<AppStatus, 'version' | 'host'> | null;
  /** Why the start-up status request failed, if it did. */
  loadError: string | null;
  applyStatus(status: ConnectionStatus): void;
  applyAppStatus(app: AppStatus): void;
  applyLink(link: HostLink): void;
  setLoadError(message: string | null): void;
}

/** True when `next` is at least as new as `current`; `since` only moves forward on the backend. */
function isCurrent(current: ConnectionStatus | null, next: ConnectionStatus): boolean {
  return current === null || next.since >= current.since;
}

export function createConnectionStore(): StoreApi<ConnectionState> {
  return createStore<ConnectionState>()((set) => ({
    status: null,
    link: { state: 'connecting', failures: 0 },
    app: null,
    loadError: null,
    // app.status and the `connection` event can cross on the wire; the older one must not win.
    applyStatus: (status) => set((state) => (isCurrent(state.status, status) ? { status } : state)),
    applyAppStatus: (app) =>
      set((state) => ({
        app: { version: app.version, host: app.host },
        status: isCurrent(state.status, app.connection) ? app.connection : state.status,
        loadError: null,
      })),
    applyLink: (link) => set({ link }),
    setLoadError: (loadError) => set({ loadError }),
  }));
}

export type ConnectionStore = StoreApi<ConnectionState>;

export type IndicatorState = ConnectionStatus['state'];

export interface Indicator {
  state: IndicatorState;
  context: string;
  /** The reason to show when not connected; undefined when all is well. */
  message: string | undefined;
}

/**
 * What the header shows. A lost host link trumps the cluster status, because the cluster status
 * we hold is then stale: we cannot know it, so we must not show "connected".
 */
export function indicatorFor(state: Pick<ConnectionState, 'status' | 'link' | 'loadError'>): Indicator {
  const context = state.status?.context ?? '';
  if (state.link.state === 'down') {
    // Short here; the banner under the header carries the full explanation.
    return { state: 'disconnected', context, message: 'Lost the link to the Foresight host; reconnecting…' };
  }
  if (!state.status) {
    return {
      state: state.loadError ? 'disconnected' : 'connecting',
      context,
      message: state.loadError ?? 'Waiting for the Foresight backend…',
    };
  }
  const { state: cluster, message } = state.status;
  return { state: cluster, context, message: cluster === 'connected' ? undefined : message };
}

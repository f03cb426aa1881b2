import type { ContractTransport } from '../../../core/contract/index.ts';

/**
 * The state of the link between this renderer and its host process (the WebSocket in a
 * browser, IPC in Electron). It is separate from the cluster connection: the host can be
 * reachable while the cluster is not, and the other way round.
 */
export type HostLinkState = 'connecting' | 'up' | 'down';

export interface HostLink {
  state: HostLinkState;
  /** Why the link is not up, in words the user can act on. */
  message?: string;
  /** Epoch ms of the next reconnect attempt while the link is down. */
  retryAt?: number;
  /** Failed attempts since the link was last up. */
  failures: number;
}

/** A contract transport that also reports the health of its own link to the host. */
export interface HostTransport extends ContractTransport {
  readonly kind: 'electron' | 'websocket';
  link(): HostLink;
  onLink(listener: (link: HostLink) => void): () => void;
  close(): void;
}

export const linkUp: HostLink = { state: 'up', failures: 0 };

import type { ConnectionStatus } from '../contract/index.ts';
import { printableServer } from '../kube/printable-server.ts';

type State = ConnectionStatus['state'];

/** Holds the connection status and says when it changed, so only changes are pushed. */
export class ConnectionTracker {
  private current: ConnectionStatus;

  constructor(
    base: { context: string; server: string; demo: boolean },
    private readonly now: () => number,
  ) {
    // What the UI shows must never carry credentials a kubeconfig put in the URL.
    this.current = { ...base, server: printableServer(base.server), state: 'connecting', since: now() };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  /** Returns the new status when anything the user sees changed, else undefined. */
  update(state: State, message?: string, succeeded = false): ConnectionStatus | undefined {
    const before = this.current;
    const changed = before.state !== state || before.message !== message;
    const next: ConnectionStatus = {
      context: before.context,
      server: before.server,
      demo: before.demo,
      state,
      since: changed ? this.now() : before.since,
      ...(message ? { message } : {}),
      ...(succeeded
        ? { lastSuccessAt: this.now() }
        : before.lastSuccessAt
          ? { lastSuccessAt: before.lastSuccessAt }
          : {}),
    };
    this.current = next;
    return changed || succeeded ? next : undefined;
  }
}

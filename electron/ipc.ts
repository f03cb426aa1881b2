import type { ContractHandler, EventEnvelope, ReplyEnvelope } from '../core/contract/index.ts';
import { contractError, errorReply } from '../core/contract/index.ts';
import { CONTRACT_EVENT_CHANNEL, CONTRACT_REQUEST_CHANNEL } from './channels.ts';
import type { FrameLike } from './trusted-sender.ts';

/** The part of an `ipcMain.handle` event that the wiring reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain that the wiring uses (tests pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** A window's webContents, as far as pushing events to it goes. */
export interface EventTargetLike {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface ContractIpcOptions {
  ipcMain: IpcMainLike;
  handler: ContractHandler;
  /** True only for the app's own top-level renderer frame (see trusted-sender.ts). */
  isTrustedSender: (frame: FrameLike | null) => boolean;
  /** The webContents that may receive events; each is checked with isTrustedSender first. */
  eventTargets: () => readonly EventTargetLike[];
}

/**
 * What a sender that is not the app's own page gets back. 'BadRequest', not 'Unavailable': the
 * request is unacceptable from where it came and retrying will not change that, whereas
 * 'Unavailable' tells the UI to wait and retry. The id is not echoed: nothing from an untrusted
 * sender is read at all.
 */
export function untrustedSenderReply(): ReplyEnvelope {
  return errorReply(
    null,
    contractError('BadRequest', 'Requests are accepted only from the Foresight window.'),
  );
}

/**
 * Wires the contract to Electron IPC: requests from trusted frames go to the backend, replies
 * come back through ipcMain.handle; backend events go to every trusted window. Returns a
 * function that undoes the wiring.
 */
export function registerContractIpc(options: ContractIpcOptions): () => void {
  const { ipcMain, handler, isTrustedSender, eventTargets } = options;

  ipcMain.handle(CONTRACT_REQUEST_CHANNEL, async (event, raw) => {
    if (!isTrustedSender(event.senderFrame)) return untrustedSenderReply();
    try {
      return await handler.handle(raw);
    } catch (error) {
      // The backend promises never to throw; if it does anyway, the renderer still gets a typed
      // reply instead of Electron's generic "Error invoking remote method".
      return errorReply(null, contractError('Internal', `The backend failed: ${describe(error)}`));
    }
  });

  const unsubscribe = handler.onEvent((envelope: EventEnvelope) => {
    for (const target of eventTargets()) {
      if (target.isDestroyed() || !isTrustedSender(target.mainFrame)) continue;
      target.send(CONTRACT_EVENT_CHANNEL, envelope);
    }
  });

  return () => {
    ipcMain.removeHandler(CONTRACT_REQUEST_CHANNEL);
    unsubscribe();
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

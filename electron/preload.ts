// The sandboxed preload, bundled to dist/node/preload.cjs. A sandboxed preload may require only
// a few electron modules, so this file imports nothing at run time but electron and channels.ts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ContractTransport, EventEnvelope, ReplyEnvelope } from '../core/contract/index.ts';
import {
  BRIDGE_KEY,
  CONTRACT_EVENT_CHANNEL,
  CONTRACT_REQUEST_CHANNEL,
  SAVE_FILE_CHANNEL,
} from './channels.ts';

/** A file the page made, to be saved where the user picks in the native dialog. */
interface FileToSave {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * The page's whole view of the main process: send a request, listen for events, save a file
 * through the save dialog. ipcRenderer and its event objects never reach the page (an event's
 * `sender` is ipcRenderer itself), so the page cannot use any other channel.
 */
const bridge: ContractTransport & { saveFile(file: FileToSave): Promise<unknown> } = {
  request(envelope: unknown): Promise<ReplyEnvelope> {
    return ipcRenderer.invoke(CONTRACT_REQUEST_CHANNEL, envelope) as Promise<ReplyEnvelope>;
  },
  onEvent(listener: (event: EventEnvelope) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('foresight.onEvent needs a function.');
    const forward = (_event: IpcRendererEvent, envelope: EventEnvelope): void => listener(envelope);
    ipcRenderer.on(CONTRACT_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(CONTRACT_EVENT_CHANNEL, forward);
    };
  },
  saveFile(file: FileToSave): Promise<unknown> {
    // Only the three fields cross, whatever else the page put on the object; main checks them.
    const { fileName, mimeType, base64 } = file ?? ({} as FileToSave);
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, { fileName, mimeType, base64 });
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);

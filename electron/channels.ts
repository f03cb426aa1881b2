/**
 * The names shared by the main process and the preload, declared once so the two sides cannot
 * drift apart. This file must stay free of runtime imports: the sandboxed preload bundles it.
 */

/** Renderer → main: one contract request envelope in, one reply envelope out (ipcRenderer.invoke). */
export const CONTRACT_REQUEST_CHANNEL = 'foresight:request';

/** Main → renderer: contract event envelopes pushed by the backend (webContents.send). */
export const CONTRACT_EVENT_CHANNEL = 'foresight:event';

/**
 * Renderer → main: save a file the page made (a report) through the native save dialog. Not
 * part of the contract: where the user keeps files is the desktop host's business alone.
 */
export const SAVE_FILE_CHANNEL = 'foresight:save-file';

/** Every channel the app uses; the preload must never touch any other. */
export const CONTRACT_CHANNELS: readonly string[] = [
  CONTRACT_REQUEST_CHANNEL,
  CONTRACT_EVENT_CHANNEL,
  SAVE_FILE_CHANNEL,
];

/** The property of `window` where the preload exposes the contract transport. */
export const BRIDGE_KEY = 'foresight';

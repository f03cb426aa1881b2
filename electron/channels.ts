/**
 * The names shared by the main process and the preload, declared once so the two sides cannot
 * drift apart. This file must stay free of runtime imports: the sandboxed preload bundles it.
 */

/** Renderer → main: one contract request envelope in, one reply envelope out (ipcRenderer.invoke). */
export const CONTRACT_REQUEST_CHANNEL = 'foresight:request';

/** Main → renderer: contract event envelopes pushed by the backend (webContents.send). */
export const CONTRACT_EVENT_CHANNEL = 'foresight:event';

/** Every channel the app uses; the preload must never touch any other. */
export const CONTRACT_CHANNELS: readonly string[] = [CONTRACT_REQUEST_CHANNEL, CONTRACT_EVENT_CHANNEL];

/** The property of `window` where the preload exposes the contract transport. */
export const BRIDGE_KEY = 'foresight';

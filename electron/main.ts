// The Electron main entry, bundled to dist/node/electron-main.mjs. All logic is in start-app.ts.
import { app, BrowserWindow, dialog, Menu, ipcMain, safeStorage, session, shell } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../core/backend/index.ts';
import { electronSecretStore } from './secret-store.ts';
import { startElectronApp } from './start-app.ts';

const electron = { app, BrowserWindow, Menu, ipcMain, session, shell, dialog };
// The LLM API key is kept with the OS's secure storage, encrypted in the user-data directory.
const withSecrets: typeof createBackend = (options) =>
  createBackend({ ...options, secretStore: electronSecretStore({ safeStorage, dataDir: options.dataDir }) });
startElectronApp({
  electron,
  createBackend: withSecrets,
  mainDir: dirname(fileURLToPath(import.meta.url)),
}).catch((error: unknown) => {
  console.error('Foresight failed to start:', error);
  app.exit(1);
});

import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/node/preload.cjs). */
  preloadPath: string;
  /** Window icon (Linux and Windows; macOS takes the bundle's icon). */
  iconPath?: string;
}

/** Dark, to match the UI's first paint and avoid a white flash before it loads. */
export const WINDOW_BACKGROUND = '#0f1115';

/**
 * The main window. Every webPreference that matters for security is spelled out even where it
 * equals Electron's default, so a reader (and a test) sees the whole policy in one place and a
 * default changing upstream cannot loosen it.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Foresight',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

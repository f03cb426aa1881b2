import type { WebContents } from 'electron';

/** Links the app may hand to the user's browser. Anything else (file:, javascript:, custom schemes) is dropped. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export interface NavigationGuardOptions {
  /** True only for the app's own renderer page. */
  isAppUrl: (url: string) => boolean;
  /** shell.openExternal; only ever called with http(s) URLs. */
  openExternal: (url: string) => Promise<void>;
}

/** The webContents events the guard hooks, as a structural type so tests can pass a fake. */
export type GuardedWebContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * Keeps every webContents on the app's own page: no new windows (web links open in the user's
 * browser instead), no navigation away in any frame, no <webview>. Applied to each webContents
 * Electron creates, so a window added later cannot forget it.
 */
export function guardWebContents(contents: GuardedWebContents, options: NavigationGuardOptions): void {
  const openIfWeb = (url: string): void => {
    if (isExternalWebUrl(url)) {
      options.openExternal(url).catch(() => {
        // No browser configured: nothing useful to do from here, and the app must not crash.
      });
    }
  };

  contents.setWindowOpenHandler(({ url }) => {
    openIfWeb(url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event, url) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    openIfWeb(url);
  });

  // will-navigate covers only the main frame; sub-frames are blocked too, without opening anything.
  contents.on('will-frame-navigate', (event) => {
    if (!options.isAppUrl(event.url)) event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPaths {
  preloadPath: string;
  rendererIndexPath: string;
  /** What the window's URL is once rendererIndexPath is loaded; the trust anchor for IPC. */
  rendererIndexUrl: string;
}

/**
 * Where the bundled files are, relative to the bundled main file's directory (dist/node/):
 * the preload beside it, the renderer in dist/renderer/. The same layout holds in dev and
 * inside app.asar, so no isPackaged branch is needed.
 */
export function appPaths(mainDir: string): AppPaths {
  const rendererIndexPath = join(mainDir, '..', 'renderer', 'index.html');
  return {
    preloadPath: join(mainDir, 'preload.cjs'),
    rendererIndexPath,
    rendererIndexUrl: pathToFileURL(rendererIndexPath).href,
  };
}

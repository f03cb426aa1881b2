import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer: dist/renderer, found relative to this module both from sources
 * (core/cli/) and from the bundle (dist/node/).
 */
export function rendererDir(moduleUrl: string = import.meta.url): string | undefined {
  for (const relative of ['../renderer/', '../../dist/renderer/']) {
    const dir = fileURLToPath(new URL(relative, moduleUrl));
    if (existsSync(dir + 'index.html')) return dir;
  }
  return undefined;
}

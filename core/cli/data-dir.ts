import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the command line keeps Foresight's data, following each platform's convention. */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.FORESIGHT_DATA_DIR) return env.FORESIGHT_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Foresight');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Foresight');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'foresight');
}

import { execFile } from 'node:child_process';
import { delimiter } from 'node:path';

/**
 * A desktop-launched app inherits the desktop session's PATH, not the one the user's shell
 * builds, so exec credential plugins (aws, gke-gcloud-auth-plugin, kubelogin) installed under
 * ~/bin, Homebrew or asdf are not found. Ask the login shell for its PATH once at start-up.
 */
export function loginShellPath(
  shell: string | undefined = process.env.SHELL,
  timeoutMs = 3000,
): Promise<string | undefined> {
  if (!shell || process.platform === 'win32') return Promise.resolve(undefined);
  const marker = '__FORESIGHT_PATH__';
  return new Promise((resolve) => {
    execFile(
      shell,
      ['-ilc', `printf '${marker}%s${marker}' "$PATH"`],
      { timeout: timeoutMs },
      (error, stdout) => {
        // Login shells print banners and motd; the markers find the PATH among them.
        const match = new RegExp(`${marker}(.*?)${marker}`, 's').exec(stdout ?? '');
        resolve(error && !match ? undefined : match?.[1]);
      },
    );
  });
}

/** PATH with the login shell's entries first and the current ones kept, without duplicates. */
export function mergePath(
  current: string | undefined,
  fromShell: string | undefined,
  separator = delimiter,
): string {
  const parts = [...(fromShell ?? '').split(separator), ...(current ?? '').split(separator)].filter(Boolean);
  return [...new Set(parts)].join(separator);
}

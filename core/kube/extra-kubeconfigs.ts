import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ExtraKubeconfigs {
  /** The files to merge after the KUBECONFIG list, in the order given (folders expanded, sorted). */
  files: string[];
  /** Paths that cannot be used, each saying why and what to do. */
  problems: Array<{ file: string; message: string }>;
  /** The folders among the paths: a file added to one of them is a new kubeconfig. */
  folders: string[];
}

/** Files in a kubeconfig folder worth reading: not hidden, not editor backups. */
function isCandidate(name: string): boolean {
  return !name.startsWith('.') && !name.endsWith('~') && !name.endsWith('.swp') && !name.endsWith('.bak');
}

/**
 * The extra kubeconfig files and folders the user added in Settings, as files: a folder means
 * every file in it (as tools that keep one kubeconfig per cluster lay them out), sorted by name
 * so the merge order is stable. They come after KUBECONFIG's files, so those keep precedence.
 */
export function expandExtraKubeconfigs(paths: readonly string[]): ExtraKubeconfigs {
  const files: string[] = [];
  const problems: ExtraKubeconfigs['problems'] = [];
  const folders: string[] = [];
  for (const path of paths) {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) {
        folders.push(path);
        const names = readdirSync(path).filter(isCandidate).sort();
        files.push(...names.map((name) => join(path, name)).filter((file) => statSync(file).isFile()));
      } else {
        files.push(path);
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      problems.push({
        file: path,
        message:
          code === 'ENOENT'
            ? `${path} does not exist. Fix the path in Settings, or remove it.`
            : `${path} cannot be read (${code ?? String(error)}). Check its permissions.`,
      });
    }
  }
  return { files: [...new Set(files)], problems, folders };
}

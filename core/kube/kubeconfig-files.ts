import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * The kubeconfig files kubectl would read, in order: every entry of KUBECONFIG (the platform's
 * list separator, empty entries dropped, missing files kept here and skipped by the loader,
 * as kubectl does), or ~/.kube/config when KUBECONFIG is unset or empty.
 */
export function kubeconfigFiles(
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
  separator: string = delimiter,
): string[] {
  const entries = (env.KUBECONFIG ?? '')
    .split(separator)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const unique = [...new Set(entries)];
  return unique.length > 0 ? unique : [join(home, '.kube', 'config')];
}

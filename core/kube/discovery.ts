import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { kubeconfigFiles } from './kubeconfig-files.ts';

/**
 * The kubeconfig files to connect through when the user has not named any: those of kubectl's
 * list (KUBECONFIG, else ~/.kube/config) that exist. Undefined means "no kubeconfig here": the
 * app then starts the demo cluster.
 */
export function findKubeconfigs(
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
  exists: (path: string) => boolean = existsSync,
): string[] | undefined {
  const found = kubeconfigFiles(env, home).filter(exists);
  return found.length > 0 ? found : undefined;
}

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Which kubeconfig file to use when the user has not named one: the first existing entry of
 * KUBECONFIG (kubectl's list separator is the platform's path delimiter), else ~/.kube/config.
 * Undefined means "no kubeconfig here": the app then starts the demo cluster.
 *
 * Merging several files the way kubectl does is the job of the kubeconfig loader (a later
 * issue); this only decides whether there is a real cluster to talk to.
 */
export function findKubeconfig(
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const fromEnv = (env.KUBECONFIG ?? '')
    .split(delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (fromEnv.length > 0) return fromEnv.find(exists);
  const fallback = join(home, '.kube', 'config');
  return exists(fallback) ? fallback : undefined;
}

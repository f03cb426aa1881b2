import { KubeConfig } from '@kubernetes/client-node';
import { dump as toYaml } from 'js-yaml';
import { mergeKubeconfigFiles, type KubeconfigProblem } from './kubeconfig-merge.ts';

export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

export interface LoadedKubeconfig {
  kubeConfig: KubeConfig;
  context: string;
  server: string;
  /** Files that were skipped because they could not be read (their contexts are missing). */
  problems: KubeconfigProblem[];
}

/**
 * Loads kubeconfig files merged as kubectl merges them and selects a context (the merged
 * current-context when none is named). Fails with a message that names the files and says
 * what to do; client-node then handles every auth kind from the merged config.
 */
export function loadKubeconfig(files: string | readonly string[], context?: string): LoadedKubeconfig {
  const list = typeof files === 'string' ? [files] : files;
  const where = list.join(', ');
  const merged = mergeKubeconfigFiles(list);
  if (merged.files.length === 0) {
    const reason = merged.problems.map((p) => p.message).join(' ');
    throw new KubeconfigError(
      reason || `No kubeconfig found at ${where}. Point KUBECONFIG at a valid file, or use the demo.`,
    );
  }
  const chosen = context ?? merged.raw['current-context'];
  if (!chosen) {
    throw new KubeconfigError(
      `The kubeconfig (${merged.files.join(', ')}) has no current-context. Pick a context.`,
    );
  }
  const kubeConfig = new KubeConfig();
  try {
    // Paths are already absolute, so loading the merged text loses nothing of the files.
    kubeConfig.loadFromString(toYaml({ apiVersion: 'v1', kind: 'Config', ...merged.raw }));
  } catch (error) {
    throw new KubeconfigError(`The kubeconfig (${where}) could not be loaded: ${(error as Error).message}.`);
  }
  if (!kubeConfig.getContextObject(chosen)) {
    const names = kubeConfig.getContexts().map((c) => c.name);
    const skipped = merged.problems.length ? ` ${merged.problems.map((p) => p.message).join(' ')}` : '';
    throw new KubeconfigError(
      `Context "${chosen}" is not in ${where}. Known contexts: ${names.join(', ') || '(none)'}.${skipped}`,
    );
  }
  kubeConfig.setCurrentContext(chosen);
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster?.server) {
    throw new KubeconfigError(`Context "${chosen}" names no cluster with a server address.`);
  }
  return { kubeConfig, context: chosen, server: cluster.server, problems: merged.problems };
}

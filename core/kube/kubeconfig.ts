import { KubeConfig } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';

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
}

/**
 * Loads one kubeconfig file and selects a context, failing with a message that names the file
 * and says what to do. (Merging KUBECONFIG lists the kubectl way comes with the context picker.)
 */
export function loadKubeconfig(path: string, context?: string): LoadedKubeconfig {
  if (!existsSync(path)) {
    throw new KubeconfigError(
      `Kubeconfig ${path} does not exist. Point KUBECONFIG at a valid file, or use the demo.`,
    );
  }
  const kubeConfig = new KubeConfig();
  try {
    // loadFromFile, not loadFromString: it resolves relative certificate paths against the file.
    kubeConfig.loadFromFile(path);
  } catch (error) {
    throw new KubeconfigError(
      `Kubeconfig ${path} could not be parsed: ${(error as Error).message}. Fix the file.`,
    );
  }
  const chosen = context ?? kubeConfig.getCurrentContext();
  if (!chosen) {
    throw new KubeconfigError(`Kubeconfig ${path} has no current-context. Pick a context.`);
  }
  const known = kubeConfig.getContextObject(chosen);
  if (!known) {
    const names = kubeConfig.getContexts().map((c) => c.name);
    throw new KubeconfigError(
      `Context "${chosen}" is not in ${path}. Known contexts: ${names.join(', ') || '(none)'}.`,
    );
  }
  kubeConfig.setCurrentContext(chosen);
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster?.server) {
    throw new KubeconfigError(`Context "${chosen}" in ${path} names no cluster with a server address.`);
  }
  return { kubeConfig, context: chosen, server: cluster.server };
}

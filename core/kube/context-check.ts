import { VersionApi } from '@kubernetes/client-node';
import { describeClusterError } from './cluster-errors.ts';
import { loadKubeconfig } from './kubeconfig.ts';

export interface ContextCheck {
  context: string;
  reachable: boolean;
  /** The server's Kubernetes version when it answered. */
  version?: string;
  /** Why it is not reachable, in words the user can act on. */
  message?: string;
  /** How long the check took, ms. */
  tookMs: number;
}

/** Long enough for an exec plugin's token refresh, short enough that nobody waits for nothing. */
export const contextCheckTimeoutMs = 10_000;

/**
 * Asks one context's server for its version, on request only: connecting to every context at
 * start-up would mean a storm of login prompts for users with many OIDC or exec-plugin
 * clusters, so the picker connects to the chosen one and checks others when the user asks.
 */
export async function checkContext(
  files: readonly string[],
  context: string,
  timeoutMs: number = contextCheckTimeoutMs,
): Promise<ContextCheck> {
  const started = Date.now();
  const done = (result: Omit<ContextCheck, 'context' | 'tookMs'>): ContextCheck => ({
    context,
    ...result,
    tookMs: Date.now() - started,
  });
  let server = '';
  try {
    const loaded = loadKubeconfig(files, context);
    server = loaded.server;
    const api = loaded.kubeConfig.makeApiClient(VersionApi);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
        timeoutMs,
      );
    });
    try {
      const info = await Promise.race([api.getCode(), timeout]);
      return done({ reachable: true, version: info.gitVersion });
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    if (!server) return done({ reachable: false, message: (error as Error).message });
    return done({
      reachable: false,
      message: describeClusterError(error, server, 'asking for its version').message,
    });
  }
}

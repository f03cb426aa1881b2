import { dump as toYaml, load as parseYaml } from 'js-yaml';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Renaming a demo cluster's kubeconfig entries so that several demo clusters can sit in one
 * kubeconfig as distinct contexts (each demo writes its own, all named foresight-demo).
 */
interface Kubeconfig {
  clusters: Array<{ name: string; cluster: unknown }>;
  users: Array<{ name: string; user: unknown }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  'current-context'?: string;
}

export interface ContextParts {
  cluster: { name: string; cluster: unknown };
  user: { name: string; user: unknown };
  context: { name: string; context: { cluster: string; user: string } };
}

/** The current context of `kubeconfigPath`, renamed to `name` (with its cluster and user). */
export function contextFrom(kubeconfigPath: string, name: string): ContextParts {
  const config = parseYaml(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
  const context = config.contexts.find((c) => c.name === config['current-context']) ?? config.contexts[0];
  if (!context) throw new Error(`no context in ${kubeconfigPath}`);
  const cluster = config.clusters.find((c) => c.name === context.context.cluster);
  const user = config.users.find((u) => u.name === context.context.user);
  return {
    cluster: { name: `${name}-cluster`, cluster: cluster?.cluster },
    user: { name: `${name}-user`, user: user?.user },
    context: { name, context: { cluster: `${name}-cluster`, user: `${name}-user` } },
  };
}

export function writeKubeconfig(path: string, parts: readonly ContextParts[], current: string): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: parts.map((p) => p.cluster),
    users: parts.map((p) => p.user),
    contexts: parts.map((p) => p.context),
    'current-context': current,
  };
  writeFileSync(path, toYaml(config));
}

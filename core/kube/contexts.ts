import type { MergedKubeconfig } from './kubeconfig-merge.ts';

/** One context as `kubectl config get-contexts` lists it. */
export interface ContextSummary {
  name: string;
  cluster: string;
  user: string;
  namespace: string;
  current: boolean;
}

function field(context: Record<string, unknown> | undefined, name: string): string {
  const value = context?.[name];
  return typeof value === 'string' ? value : '';
}

/** The merged contexts, in kubectl's order (sorted by name), the current one marked. */
export function listContexts(merged: MergedKubeconfig): ContextSummary[] {
  const current = merged.raw['current-context'];
  return merged.raw.contexts
    .map((entry) => {
      const context = entry['context'] as Record<string, unknown> | undefined;
      return {
        name: entry.name,
        cluster: field(context, 'cluster'),
        user: field(context, 'user'),
        namespace: field(context, 'namespace'),
        current: entry.name === current,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

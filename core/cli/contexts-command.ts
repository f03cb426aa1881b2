import { listContexts } from '../kube/contexts.ts';
import { kubeconfigFiles } from '../kube/kubeconfig-files.ts';
import { mergeKubeconfigFiles } from '../kube/kubeconfig-merge.ts';
import type { CommandOutput } from './output.ts';

/**
 * `foresight contexts [--kubeconfig PATH ...]`: the merged contexts as JSON, the same set and
 * current context as `kubectl config get-contexts` for the same files. Files that could not be
 * read are named on stderr; their contexts are left out and the rest still load.
 */
export function runContextsCommand(kubeconfigs: readonly string[], out: CommandOutput): number {
  const files = kubeconfigs.length > 0 ? [...kubeconfigs] : kubeconfigFiles();
  const merged = mergeKubeconfigFiles(files);
  for (const problem of merged.problems) out.error(problem.message);
  out.result(JSON.stringify(listContexts(merged), null, 2));
  if (merged.files.length === 0 && merged.problems.length === 0) {
    out.error(`No kubeconfig found (looked at ${files.join(', ')}).`);
  }
  return merged.files.length > 0 || merged.problems.length === 0 ? 0 : 1;
}

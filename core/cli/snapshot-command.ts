import { parseArgs } from 'node:util';
import { ApiException } from '@kubernetes/client-node';
import { kubeconfigFiles } from '../kube/kubeconfig-files.ts';
import { KubeconfigError, loadKubeconfig } from '../kube/kubeconfig.ts';
import { listClusterSnapshot } from '../scheduling/list-snapshot.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';

const usage = `  snapshot       Print the cluster's nodes and pods as JSON {"nodes": [...], "pods": [...]}.
                 --context NAME --kubeconfig FILE   which cluster (as kubectl)
`;

/** `foresight snapshot [--context NAME] > cluster.json`: what `foresight place --snapshot` reads. */
export const snapshotCommand: Subcommand = {
  name: 'snapshot',
  usage,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { context: { type: 'string' }, kubeconfig: { type: 'string', multiple: true } },
      }));
    } catch (error) {
      throw new UsageError(`snapshot: ${(error as Error).message}`);
    }
    let loaded;
    try {
      const files = values.kubeconfig && values.kubeconfig.length > 0 ? values.kubeconfig : kubeconfigFiles();
      loaded = loadKubeconfig(files, values.context);
    } catch (error) {
      if (error instanceof KubeconfigError) {
        out.error(`error: ${error.message}`);
        return 1;
      }
      throw error;
    }
    try {
      const snapshot = await listClusterSnapshot(loaded.kubeConfig, loaded.server);
      out.result(JSON.stringify(snapshot));
      out.info(
        `${snapshot.nodes.length} nodes and ${snapshot.pods.length} pods from ${loaded.server} (context ${loaded.context}).`,
      );
      return 0;
    } catch (error) {
      const status = error instanceof ApiException ? ` (HTTP ${error.code})` : '';
      const hint =
        error instanceof ApiException && error.code === 403
          ? ' The user needs list on nodes and pods (cluster-wide).'
          : ' Check that the cluster is reachable (kubectl get nodes).';
      out.error(
        `error: could not list nodes and pods from ${loaded.server}${status}: ${(error as Error).message}.${hint}`,
      );
      return 1;
    }
  },
};

/**
 * A strategic-merge patch that makes a workload prefer a node (preferred node affinity, so the
 * scheduler still has every other node when that one is full or gone), with the kubectl command
 * that applies it.
 */
export function preferredAffinityPatch(node: string, weight = 50): string {
  return JSON.stringify(
    {
      spec: {
        template: {
          spec: {
            affinity: {
              nodeAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight,
                    preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
                  },
                ],
              },
            },
          },
        },
      },
    },
    null,
    2,
  );
}

export function patchCommand(kind: string, namespace: string, name: string, node: string): string {
  const patch = JSON.stringify(JSON.parse(preferredAffinityPatch(node)));
  return `kubectl -n ${namespace} patch ${kind.toLowerCase()} ${name} --type strategic -p '${patch}'`;
}

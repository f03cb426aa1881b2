import type { KubeObject } from '../../sim/store/kube-object.ts';
import { age, ageColumn, column, list, nameColumn, rec, str, type Printer } from './table.ts';

/** `kubectl get nodes`: printNode in pkg/printers/internalversion/printers.go. */
export const nodePrinter: Printer = {
  columns: [
    nameColumn(),
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn(),
    column('Version', 'Kubelet Version reported by the node.'),
    column('Internal-IP', 'List of internal IPs that are assigned to the node.', { priority: 1 }),
    column('External-IP', 'List of external IPs that are assigned to the node.', { priority: 1 }),
    column(
      'OS-Image',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
      {
        priority: 1,
      },
    ),
    column(
      'Kernel-Version',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      {
        priority: 1,
      },
    ),
    column('Container-Runtime', 'Container runtime version reported by the node.', { priority: 1 }),
  ],
  cells(node, now) {
    const status = rec(node, 'status');
    const info = rec(status, 'nodeInfo');
    const orUnknown = (text: string) => text || '<unknown>';
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      age(node, now),
      str(info, 'kubeletVersion'),
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      orUnknown(str(info, 'osImage')),
      orUnknown(str(info, 'kernelVersion')),
      orUnknown(str(info, 'containerRuntimeVersion')),
    ];
  },
};

/** `Ready`, `NotReady`, or `Unknown` without a Ready condition; `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = list(rec(node, 'status'), 'conditions').find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (rec(node, 'spec').unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` labels and the older `kubernetes.io/role`. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return roles.size > 0 ? [...roles].sort().join(',') : '<none>';
}

function address(node: KubeObject, type: string): string {
  const found = list(rec(node, 'status'), 'addresses').find((a) => a.type === type);
  return found ? str(found, 'address') : '<none>';
}

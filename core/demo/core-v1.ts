import { podIP } from '../sim/network.ts';
import type { SimNamespace, SimNode, SimPod } from '../sim/types.ts';
import { namespaceObject, nodeObject, podLabels, podObject } from './objects.ts';
import { getHandler, listHandler, type ResourceDefinition } from './resource-routes.ts';
import type { Router } from './router.ts';
import type { DemoStore } from './store.ts';
import {
  NAMESPACE_COLUMNS,
  NODE_COLUMNS,
  POD_COLUMNS,
  namespaceCells,
  nodeCells,
  podCells,
} from './tables.ts';

/** The core/v1 resources the demo serves: nodes, namespaces and pods (get and list). */
export function addCoreV1Routes(router: Router, store: DemoStore): void {
  const { sim } = store;
  const base = { group: '', listApiVersion: 'v1', resourceVersion: () => sim.resourceVersion() };

  // Selectable fields as the API server defines them (pkg/registry/core/*/strategy.go).
  const nodes: ResourceDefinition<SimNode> = {
    ...base,
    resource: 'nodes',
    listKind: 'NodeList',
    index: store.nodes,
    namespaced: false,
    fields: {
      'metadata.name': (n) => n.name,
      'spec.unschedulable': (n) => String(n.unschedulable),
    },
    labelsOf: (n) => n.labels,
    toObject: (n) => nodeObject(sim, n),
    table: { columns: NODE_COLUMNS, cells: (n) => nodeCells(sim, n) },
  };

  const namespaces: ResourceDefinition<SimNamespace> = {
    ...base,
    resource: 'namespaces',
    listKind: 'NamespaceList',
    index: store.namespaces,
    namespaced: false,
    fields: {
      'metadata.name': (n) => n.name,
      'status.phase': () => 'Active',
    },
    labelsOf: (n) => n.labels,
    toObject: (n) => namespaceObject(sim, n),
    table: { columns: NAMESPACE_COLUMNS, cells: (n) => namespaceCells(sim, n) },
  };

  const pods: ResourceDefinition<SimPod> = {
    ...base,
    resource: 'pods',
    listKind: 'PodList',
    index: store.pods,
    namespaced: true,
    fields: {
      'metadata.name': (p) => p.name,
      'metadata.namespace': (p) => p.namespace,
      'spec.nodeName': (p) => sim.cluster.nodes[p.nodeIndex]?.name ?? '',
      'spec.restartPolicy': () => 'Always',
      'spec.schedulerName': () => 'default-scheduler',
      'spec.serviceAccountName': () => 'default',
      'spec.hostNetwork': () => 'false',
      'status.phase': (p) => p.phase,
      'status.podIP': (p) => podIP(p.nodeIndex, p.ipSlot),
      'status.nominatedNodeName': () => '',
    },
    labelsOf: podLabels,
    toObject: (p) => podObject(sim, p),
    table: { columns: POD_COLUMNS, cells: (p) => podCells(sim, p) },
  };

  router
    .add('/api/v1/nodes', { GET: listHandler(nodes) })
    .add('/api/v1/nodes/:name', { GET: getHandler(nodes) })
    .add('/api/v1/namespaces', { GET: listHandler(namespaces) })
    .add('/api/v1/namespaces/:name', { GET: getHandler(namespaces) })
    .add('/api/v1/pods', { GET: listHandler(pods) })
    .add('/api/v1/namespaces/:namespace/pods', { GET: listHandler(pods) })
    .add('/api/v1/namespaces/:namespace/pods/:name', { GET: getHandler(pods) });
}

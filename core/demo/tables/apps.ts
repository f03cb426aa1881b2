import {
  age,
  ageColumn,
  column,
  containerCells,
  int,
  nameColumn,
  rec,
  selectorText,
  type Printer,
} from './table.ts';

/** Deployments, ReplicaSets, StatefulSets and DaemonSets as printers.go prints them. */

const CONTAINERS = 'Names of each container in the template.';
const IMAGES = 'Images referenced by each container in the template.';
const SELECTOR =
  'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.';

const template = (object: unknown) => rec(rec(rec(object, 'spec'), 'template'), 'spec');

export const deploymentPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state'),
    column(
      'Up-to-date',
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      {
        type: 'integer',
      },
    ),
    column(
      'Available',
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
      {
        type: 'integer',
      },
    ),
    ageColumn(),
    column('Containers', CONTAINERS, { priority: 1 }),
    column('Images', IMAGES, { priority: 1 }),
    column('Selector', SELECTOR, { priority: 1 }),
  ],
  cells(deployment, now) {
    const spec = rec(deployment, 'spec');
    const status = rec(deployment, 'status');
    return [
      deployment.metadata.name ?? '',
      `${int(status, 'readyReplicas')}/${int(spec, 'replicas', 1)}`,
      int(status, 'updatedReplicas'),
      int(status, 'availableReplicas'),
      age(deployment, now),
      ...containerCells(template(deployment)),
      selectorText(spec.selector),
    ];
  },
};

export const replicaSetPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Desired', 'Number of desired pods.', { type: 'integer' }),
    column('Current', 'Number of actual replicas.', { type: 'integer' }),
    column('Ready', 'The number of ready replicas for this replica set.', { type: 'integer' }),
    ageColumn(),
    column('Containers', CONTAINERS, { priority: 1 }),
    column('Images', IMAGES, { priority: 1 }),
    column('Selector', 'Label selector for pods.', { priority: 1 }),
  ],
  cells(replicaSet, now) {
    const spec = rec(replicaSet, 'spec');
    const status = rec(replicaSet, 'status');
    return [
      replicaSet.metadata.name ?? '',
      int(spec, 'replicas', 1),
      int(status, 'replicas'),
      int(status, 'readyReplicas'),
      age(replicaSet, now),
      ...containerCells(template(replicaSet)),
      selectorText(spec.selector),
    ];
  },
};

export const statefulSetPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state'),
    ageColumn(),
    column('Containers', CONTAINERS, { priority: 1 }),
    column('Images', IMAGES, { priority: 1 }),
  ],
  cells(statefulSet, now) {
    const spec = rec(statefulSet, 'spec');
    const status = rec(statefulSet, 'status');
    return [
      statefulSet.metadata.name ?? '',
      `${int(status, 'readyReplicas')}/${int(spec, 'replicas', 1)}`,
      age(statefulSet, now),
      ...containerCells(template(statefulSet)),
    ];
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Desired', 'The total number of nodes that should be running the daemon pod.', {
      type: 'integer',
    }),
    column(
      'Current',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
      {
        type: 'integer',
      },
    ),
    column(
      'Ready',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
      {
        type: 'integer',
      },
    ),
    column('Up-to-date', 'The total number of nodes that are running updated daemon pod', {
      type: 'integer',
    }),
    column(
      'Available',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
      {
        type: 'integer',
      },
    ),
    column(
      'Node Selector',
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node.",
    ),
    ageColumn(),
    column('Containers', CONTAINERS, { priority: 1 }),
    column('Images', IMAGES, { priority: 1 }),
    column('Selector', 'A label query over pods that are managed by the daemon set.', { priority: 1 }),
  ],
  cells(daemonSet, now) {
    const status = rec(daemonSet, 'status');
    const nodeSelector = rec(template(daemonSet), 'nodeSelector');
    const keys = Object.keys(nodeSelector).sort();
    return [
      daemonSet.metadata.name ?? '',
      int(status, 'desiredNumberScheduled'),
      int(status, 'currentNumberScheduled'),
      int(status, 'numberReady'),
      int(status, 'updatedNumberScheduled'),
      int(status, 'numberAvailable'),
      keys.length > 0 ? keys.map((k) => `${k}=${String(nodeSelector[k])}`).join(',') : '<none>',
      age(daemonSet, now),
      ...containerCells(template(daemonSet)),
      selectorText(rec(daemonSet, 'spec').selector),
    ];
  },
};

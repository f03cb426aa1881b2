import type { Action } from '../../contract/actions.ts';
import { emptyPreview, errorText, type ActionHandler } from './action-handler.ts';
import { hpaPatchPermission, scalePermission } from './action-permissions.ts';

type Scale = Extract<Action, { kind: 'scale' }>;
type HpaBounds = Extract<Action, { kind: 'hpa-bounds' }>;

const RESOURCES: Record<Scale['workload']['kind'], string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  ReplicaSet: 'replicasets',
};

const scalePath = ({ workload }: Scale) =>
  `/apis/apps/v1/namespaces/${encodeURIComponent(workload.namespace)}/${RESOURCES[workload.kind]}/${encodeURIComponent(workload.name)}/scale`;

const dryRun = (on: boolean) => (on ? { dryRun: 'All' } : {});

interface ScaleJson {
  spec?: { replicas?: number };
}

/** Scale a Deployment, StatefulSet or ReplicaSet through its scale subresource. */
export const scaleHandler: ActionHandler<Scale> = {
  undoable: true,
  validate: () => [],
  permissions: async (_api, { workload }) => [
    scalePermission('apps', RESOURCES[workload.kind], workload.namespace, workload.name),
  ],
  summary: ({ workload, replicas }) =>
    `Scale ${workload.kind.toLowerCase()} ${workload.namespace}/${workload.name} to ${replicas}`,
  target: ({ workload }) => `${RESOURCES[workload.kind]}/${workload.name} -n ${workload.namespace}`,
  kubectl: ({ workload, replicas }) =>
    `kubectl scale ${workload.kind.toLowerCase()}/${workload.name} -n ${workload.namespace} --replicas=${replicas}`,
  async preview(api, action) {
    const parts = emptyPreview();
    const current = await api.get<ScaleJson>(scalePath(action));
    parts.changes.push({
      field: 'spec.replicas',
      from: String(current.spec?.replicas ?? 0),
      to: String(action.replicas),
    });
    try {
      await api.patch(scalePath(action), { spec: { replicas: action.replicas } }, dryRun(true));
    } catch (error) {
      parts.problems.push(errorText(error));
    }
    return parts;
  },
  async execute(api, action, step) {
    const before = (await api.get<ScaleJson>(scalePath(action))).spec?.replicas ?? 0;
    await api.patch(scalePath(action), { spec: { replicas: action.replicas } });
    const outcome = `${action.workload.kind.toLowerCase()}.apps/${action.workload.name} scaled`;
    step(`${outcome} from ${before} to ${action.replicas}`);
    return { ok: true, outcome, undo: { ...action, replicas: before } };
  },
};

const hpaPath = ({ namespace, name }: HpaBounds) =>
  `/apis/autoscaling/v2/namespaces/${encodeURIComponent(namespace)}/horizontalpodautoscalers/${encodeURIComponent(name)}`;

interface HpaJson {
  spec?: { minReplicas?: number; maxReplicas?: number };
}

const boundsPatch = (action: HpaBounds) => ({
  spec: { minReplicas: action.minReplicas, maxReplicas: action.maxReplicas },
});

/** Set an HPA's minReplicas and maxReplicas. */
export const hpaBoundsHandler: ActionHandler<HpaBounds> = {
  undoable: true,
  validate: (action) =>
    action.minReplicas > action.maxReplicas
      ? [`minReplicas (${action.minReplicas}) must not be more than maxReplicas (${action.maxReplicas})`]
      : [],
  permissions: async (_api, action) => [hpaPatchPermission(action.namespace, action.name)],
  summary: (action) =>
    `Set HPA ${action.namespace}/${action.name} to ${action.minReplicas}–${action.maxReplicas} replicas`,
  target: (action) => `horizontalpodautoscalers/${action.name} -n ${action.namespace}`,
  kubectl: (action) =>
    `kubectl patch hpa ${action.name} -n ${action.namespace} --type merge -p '${JSON.stringify(boundsPatch(action))}'`,
  async preview(api, action) {
    const parts = emptyPreview();
    const current = await api.get<HpaJson>(hpaPath(action));
    parts.changes.push(
      {
        field: 'spec.minReplicas',
        from: String(current.spec?.minReplicas ?? 1),
        to: String(action.minReplicas),
      },
      {
        field: 'spec.maxReplicas',
        from: String(current.spec?.maxReplicas ?? ''),
        to: String(action.maxReplicas),
      },
    );
    try {
      await api.patch(hpaPath(action), boundsPatch(action), dryRun(true));
    } catch (error) {
      parts.problems.push(errorText(error));
    }
    return parts;
  },
  async execute(api, action, step) {
    const before = (await api.get<HpaJson>(hpaPath(action))).spec ?? {};
    await api.patch(hpaPath(action), boundsPatch(action));
    const outcome = `horizontalpodautoscaler.autoscaling/${action.name} patched`;
    step(
      `${outcome}: minReplicas ${before.minReplicas ?? 1} → ${action.minReplicas}, maxReplicas ${before.maxReplicas} → ${action.maxReplicas}`,
    );
    return {
      ok: true,
      outcome,
      undo: {
        ...action,
        minReplicas: before.minReplicas ?? 1,
        maxReplicas: before.maxReplicas ?? action.maxReplicas,
      },
    };
  },
};

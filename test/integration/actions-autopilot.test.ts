import { KubeConfig } from '@kubernetes/client-node';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTOPILOT_CONFIG,
  type AutopilotConfig,
  type AutopilotDecision,
  type NodeAdviceInfo,
  type NodeRisk,
} from '../../core/contract/index.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { AuditLog } from '../../core/history/audit-log.ts';
import { migrate } from '../../core/history/migrations.ts';
import { Autopilot, type AutopilotDeps } from '../../core/kube/actions/autopilot/autopilot.ts';
import { OwnCordons } from '../../core/kube/actions/autopilot/own-cordons.ts';
import { kubeJson, type KubeJson } from '../../core/kube/actions/kube-json.ts';
import type { NodeJson } from '../../core/kube/actions/node-ops.ts';
import type { ActionSession } from '../../core/kube/actions/pipeline.ts';

/**
 * The autopilot against the simulated cluster (core/sim behind the demo API server: 1
 * control-plane and 11 workers, its controllers, PDBs and kubelets), with every guardrail. Risk
 * predictions are the autopilot's input and are given here, one round at a time, with a clock
 * the test moves, so each guardrail is met on purpose.
 */

const MINUTE = 60_000;
let server: DemoServer;
let api: KubeJson;

beforeAll(async () => {
  server = await startDemoServer({ seed: 7, nodes: 12, podsPerNode: 6, speed: 1 });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(server.kubeconfigYaml());
  api = kubeJson(kubeConfig);
});
afterAll(async () => {
  await server?.close();
});

interface Harness {
  autopilot: Autopilot;
  audit: AuditLog;
  decisions: AutopilotDecision[];
  clock: { now: number };
  risks: Map<string, NodeRisk>;
  config: AutopilotConfig;
  /** One prediction round: the given nodes at `probability`, everyone else healthy; then the autopilot's round. */
  predict(atRisk: readonly string[], probability?: number): Promise<void>;
  /** The app restarted: a new autopilot on the same history database (its streaks are gone). */
  restart(): void;
}

async function nodes(): Promise<NodeJson[]> {
  return (await api.get<{ items: NodeJson[] }>('/api/v1/nodes')).items;
}
const workerNames = async () =>
  (await nodes())
    .map((n) => n.metadata.name ?? '')
    .filter((name) => !name.startsWith('control-plane'))
    .sort();
const taintedByAutopilot = async () =>
  (await nodes())
    .filter((n) => (n.spec?.taints ?? []).some((t) => t.key === 'foresight.io/at-risk'))
    .map((n) => n.metadata.name)
    .sort();
const versions = async () =>
  Object.fromEntries((await nodes()).map((n) => [n.metadata.name, n.metadata.resourceVersion]));

function harness(
  change: Partial<AutopilotConfig> = {},
  drainTimeoutSeconds?: number,
  clusterTimeScale?: number,
  nodeAdvice?: AutopilotDeps['nodeAdvice'],
): Harness {
  const db = new Database(':memory:');
  migrate(db);
  const audit = new AuditLog(db);
  const clock = { now: Date.UTC(2026, 0, 5, 9, 0) };
  const decisions: AutopilotDecision[] = [];
  const risks = new Map<string, NodeRisk>();
  const config: AutopilotConfig = { ...DEFAULT_AUTOPILOT_CONFIG, enabled: true, ...change };
  const session: ActionSession = {
    api,
    cluster: server.httpsUrl,
    user: 'foresight-demo-admin',
    audit,
    now: () => clock.now,
  };
  const autopilotOn = () =>
    new Autopilot({
      ownCordons: new OwnCordons(db),
      session: () => session,
      risks: () => risks,
      config: () => config,
      now: () => clock.now,
      emit: (decision) => decisions.push(decision),
      ...(drainTimeoutSeconds === undefined ? {} : { drainTimeoutSeconds }),
      ...(clusterTimeScale === undefined ? {} : { clusterTimeScale }),
      ...(nodeAdvice === undefined ? {} : { nodeAdvice }),
    });
  const h: Harness = {
    autopilot: autopilotOn(),
    audit,
    decisions,
    clock,
    risks,
    config,
    async predict(atRisk, probability = 0.92) {
      clock.now += MINUTE;
      for (const name of [...(await workerNames()), 'control-plane-1']) {
        const high = atRisk.includes(name);
        risks.set(name, {
          node: name,
          at: clock.now,
          level: high ? 'at-risk' : 'healthy',
          probability: high ? probability : 0.05,
          reasons: high ? ['memory working set climbing 3%/min'] : [],
          source: 'rules',
        });
      }
      await h.autopilot.round();
      await h.autopilot.idle();
    },
    restart() {
      h.autopilot = autopilotOn();
    },
  };
  return h;
}

/** Removes whatever taint a test left, so the next starts from a clean cluster. */
async function cleanUp() {
  for (const node of await nodes()) {
    const taints = (node.spec?.taints ?? []).filter((t) => t.key !== 'foresight.io/at-risk');
    await api.patch(`/api/v1/nodes/${node.metadata.name}`, {
      spec: { taints: taints.length ? taints : null, unschedulable: null },
    });
  }
}

describe('the autopilot on the simulator', { timeout: 60_000 }, () => {
  it('taints after N consecutive predictions, with its reasoning in the events and the audit, and removes the taint after M healthy minutes', async () => {
    const h = harness();
    const [node] = await workerNames();
    if (!node) throw new Error('no workers');
    await h.predict([node]);
    await h.predict([node]);
    expect(await taintedByAutopilot()).toEqual([]);
    await h.predict([node]);
    expect(await taintedByAutopilot()).toEqual([node]);
    const taint = h.decisions.find((d) => d.decision === 'taint');
    expect(taint).toMatchObject({
      node,
      dryRun: false,
      reason: expect.stringContaining(
        'risk 0.92 ≥ 0.7 for 3 consecutive predictions (rules): memory working set climbing 3%/min',
      ),
    });
    const record = h.audit.get(taint?.auditId ?? -1);
    expect(record).toMatchObject({
      origin: 'autopilot',
      action: 'taint',
      status: 'succeeded',
      target: `node/${node}`,
    });
    expect(record?.progress[0]?.message).toMatch(/^autopilot: risk 0.92/);

    await h.predict([]); // healthy from now
    h.clock.now += 28 * MINUTE; // healthy for 29 min at this prediction
    await h.predict([]);
    expect(await taintedByAutopilot()).toEqual([node]);
    h.clock.now += MINUTE; // 31 min
    await h.predict([]);
    expect(await taintedByAutopilot()).toEqual([]);
    expect(h.decisions.at(-1)).toMatchObject({
      node,
      decision: 'untaint',
      reason: expect.stringMatching(/^recovered: below 0.7 and not at risk for 3\d min \(≥ 30 min\)$/),
    });
    await cleanUp();
  });

  it('at most 10% of the nodes (1 of 12), one node at a time: the riskier goes first, the other is held with the reason', async () => {
    const h = harness();
    const [a, b] = await workerNames();
    for (let i = 0; i < 3; i++) {
      h.clock.now += MINUTE;
      for (const [name, p] of [
        [a, 0.8],
        [b, 0.95],
      ] as const) {
        h.risks.set(name as string, {
          node: name as string,
          at: h.clock.now,
          level: 'at-risk',
          probability: p,
          reasons: [],
          source: 'model',
        });
      }
      await h.autopilot.round();
      await h.autopilot.idle();
    }
    expect(await taintedByAutopilot()).toEqual([b]);
    const held = h.decisions.filter((d) => d.decision === 'hold' && d.node === a).map((d) => d.reason);
    expect(held).toContain(`one node at a time: ${b} is in progress`);
    h.clock.now += MINUTE;
    h.risks.set(a as string, {
      node: a as string,
      at: h.clock.now,
      level: 'at-risk',
      probability: 0.8,
      reasons: [],
      source: 'model',
    });
    await h.autopilot.round();
    expect(h.decisions.at(-1)).toMatchObject({
      node: a,
      decision: 'hold',
      reason: expect.stringContaining(
        "at most 10% of the nodes (1 of 12) may carry the autopilot's taint, and 1 already do",
      ),
    });
    expect(h.audit.list().some((r) => r.status === 'held' && r.target === `node/${a}`)).toBe(true);
    await cleanUp();
  });

  it('never a control-plane node, never the last schedulable node', async () => {
    const h = harness({ maxTaintedFraction: 1 });
    const workers = await workerNames();
    const last = workers.at(-1) as string;
    for (const name of workers.slice(0, -1))
      await api.patch(`/api/v1/nodes/${name}`, { spec: { unschedulable: true } });
    for (let i = 0; i < 3; i++) await h.predict(['control-plane-1', last]);
    expect(await taintedByAutopilot()).toEqual([]);
    const reasons = Object.fromEntries(h.decisions.map((d) => [d.node, d.reason]));
    expect(reasons['control-plane-1']).toBe('a control-plane node: the autopilot never acts on these');
    expect(reasons[last]).toBe(
      'it is the last schedulable node: tainting it would leave new pods nowhere to go',
    );
    await cleanUp();
  });

  it('a cooldown per node after an action', async () => {
    const h = harness({ healthyMinutes: 0 });
    const [node] = await workerNames();
    for (let i = 0; i < 3; i++) await h.predict([node as string]);
    await h.predict([]); // healthy: untainted at once (healthyMinutes 0)
    expect(await taintedByAutopilot()).toEqual([]);
    for (let i = 0; i < 3; i++) await h.predict([node as string]);
    expect(await taintedByAutopilot()).toEqual([]);
    expect(h.decisions.at(-1)?.reason).toMatch(
      /^cooldown: its last autopilot action was \d+ min ago \(cooldown 60 min\)$/,
    );
    await cleanUp();
  });

  it("on a sped-up demo (120x) healthy minutes and the cooldown are the cluster's minutes, as risk windows are", async () => {
    // Each prediction here is one real minute after the last: 120 minutes on the cluster's clock.
    const h = harness({}, undefined, 120);
    const [node] = await workerNames();
    for (let i = 0; i < 3; i++) await h.predict([node as string]);
    expect(await taintedByAutopilot()).toEqual([node]);
    await h.predict([]); // healthy from now
    await h.predict([]); // one real minute, 120 cluster minutes, later
    expect(await taintedByAutopilot()).toEqual([]);
    expect(h.decisions.at(-1)).toMatchObject({
      node,
      decision: 'untaint',
      reason: 'recovered: below 0.7 and not at risk for 120 min (≥ 30 min)',
    });
    // Three real minutes are 360 cluster minutes: past the 60 min cooldown, so it acts again.
    for (let i = 0; i < 3; i++) await h.predict([node as string]);
    expect(await taintedByAutopilot()).toEqual([node]);
    expect(h.decisions.some((d) => d.reason.startsWith('cooldown'))).toBe(false);
    await cleanUp();
  });

  it('dry-run mode logs what it would do and changes nothing; the kill switch stops everything', async () => {
    const before = await versions();
    const dry = harness({ dryRun: true });
    const [node] = await workerNames();
    for (let i = 0; i < 3; i++) await dry.predict([node as string]);
    expect(await versions()).toEqual(before);
    expect(dry.decisions).toEqual([expect.objectContaining({ node, decision: 'taint', dryRun: true })]);
    expect(dry.audit.list()[0]).toMatchObject({
      status: 'dry-run',
      summary: `Autopilot would taint node ${node} (dry-run mode)`,
    });

    const paused = harness({ paused: true });
    for (let i = 0; i < 4; i++) await paused.predict([node as string]);
    expect(paused.decisions).toEqual([]);
    expect(paused.audit.list()).toEqual([]);
    expect(await versions()).toEqual(before);
  });

  it('drains only when configured, and respects PodDisruptionBudgets: a pod its budget protects stays; recovery after a restart lifts its cordon', async () => {
    const h = harness({ drain: true }, 3);
    type PodJson = {
      metadata: {
        name: string;
        namespace: string;
        labels?: Record<string, string>;
        ownerReferences?: { kind: string }[];
      };
      spec: { nodeName?: string };
    };
    const pods = (await api.get<{ items: PodJson[] }>('/api/v1/pods')).items;
    const budgets = (
      await api.get<{
        items: {
          metadata: { namespace: string };
          spec: { selector?: { matchLabels?: Record<string, string> } };
        }[];
      }>('/apis/policy/v1/poddisruptionbudgets')
    ).items;
    const covered = new Set(
      budgets.map((b) => `${b.metadata.namespace}/${b.spec.selector?.matchLabels?.app}`),
    );
    const guarded = pods.find(
      (p) =>
        p.metadata.labels?.app &&
        p.spec.nodeName &&
        !p.spec.nodeName.startsWith('control') &&
        p.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet' &&
        !covered.has(`${p.metadata.namespace}/${p.metadata.labels.app}`),
    );
    if (!guarded) throw new Error('the simulated cluster has no pod to guard');
    await api.post(`/apis/policy/v1/namespaces/${guarded.metadata.namespace}/poddisruptionbudgets`, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'test-hold', namespace: guarded.metadata.namespace },
      spec: { maxUnavailable: 0, selector: { matchLabels: { app: guarded.metadata.labels?.app } } },
    });
    const node = guarded.spec.nodeName as string;
    for (let i = 0; i < 3; i++) await h.predict([node]);
    const drain = h.decisions.find((d) => d.decision === 'drain');
    expect(drain?.reason).toMatch(/PodDisruptionBudgets respected: drain timeout/);
    const still = await api.get<PodJson>(
      `/api/v1/namespaces/${guarded.metadata.namespace}/pods/${guarded.metadata.name}`,
    );
    expect(still.spec.nodeName).toBe(node);
    const steps = h.audit.get(drain?.auditId ?? -1)?.progress.map((p) => p.message) ?? [];
    expect(
      steps.some((s) => s.includes(`pods/"${guarded.metadata.name}"`) && s.includes('disruption budget')),
    ).toBe(true);
    const unschedulable = async () =>
      (await api.get<NodeJson>(`/api/v1/nodes/${node}`)).spec?.unschedulable === true;
    expect(await unschedulable()).toBe(true);
    // Recovery lifts the taint and the cordon its own drain put there, even after an app
    // restart in between (the cordon is remembered in the cluster's history database).
    h.restart();
    await h.predict([]);
    h.clock.now += 31 * MINUTE;
    await h.predict([]);
    expect(await taintedByAutopilot()).toEqual([]);
    expect(await unschedulable()).toBe(false);
    expect(h.audit.list()[0]).toMatchObject({ origin: 'autopilot', action: 'uncordon', status: 'succeeded' });
    await api.delete(
      `/apis/policy/v1/namespaces/${guarded.metadata.namespace}/poddisruptionbudgets/test-hold`,
    );
    await cleanUp();
  });

  it("follows Foresight's node advice: taints a node that keeps failing at once, reads the advice once a minute, and lifts the taint only once the advice lapsed", async () => {
    const [, node] = await workerNames();
    if (!node) throw new Error('no workers');
    const cordon: NodeAdviceInfo = {
      node,
      action: 'cordon',
      reasons: ['its Ready condition left True 2 times in the last 6 h (last at 2026-01-05T08:50:00Z)'],
      since: '2026-01-05T08:50:00.000Z',
    };
    let advice: NodeAdviceInfo[] = [cordon];
    let reads = 0;
    const h = harness({}, undefined, undefined, () => {
      reads++;
      return advice;
    });
    await h.predict([]);
    expect(await taintedByAutopilot()).toEqual([node]);
    const taint = h.decisions.find((d) => d.decision === 'taint');
    expect(taint).toMatchObject({
      node,
      dryRun: false,
      reason:
        'node advice: its Ready condition left True 2 times in the last 6 h (last at 2026-01-05T08:50:00Z)',
    });
    expect(h.audit.get(taint?.auditId ?? -1)).toMatchObject({ origin: 'autopilot', action: 'taint' });
    await h.autopilot.round();
    expect(reads, 'a second round within the minute reads no advice').toBe(1);
    // Its risk has been low for 32 minutes, but the advice still holds: the taint stays.
    h.clock.now += 31 * MINUTE;
    await h.predict([]);
    expect(await taintedByAutopilot()).toEqual([node]);
    expect(h.decisions.at(-1)).toMatchObject({
      node,
      decision: 'hold',
      reason: expect.stringContaining('node advice still says to keep it cordoned'),
    });
    advice = [];
    await h.predict([]);
    expect(await taintedByAutopilot()).toEqual([]);
    expect(reads).toBe(3);
    await cleanUp();
  });
});

import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../sim/store/api-resources.ts';
import type { KubeObject } from '../sim/store/kube-object.ts';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';
import { kubectlFor, type Kubectl } from './testing/kubectl.ts';

/** Real kubectl changing the fixture cluster: the operator's actions, each on a fresh cluster. */

let fx: FixtureServer;
let kubectl: Kubectl;

beforeEach(async () => {
  fx = await startFixtureServer();
  kubectl = await kubectlFor(fx.server);
});
afterEach(async () => {
  await kubectl?.dispose();
  await fx?.close();
});

const node = (name: string) => fx.backend.store.get(keys.nodes, undefined, name);
const spec = (object: KubeObject | undefined) => (object?.spec ?? {}) as Record<string, unknown>;
const podsOn = (nodeName: string) =>
  fx.backend.store
    .list(keys.pods)
    .filter((p) => spec(p).nodeName === nodeName)
    .map((p) => p.metadata.name);

describe('kubectl node actions', { timeout: 60_000 }, () => {
  it('cordon and uncordon', async () => {
    expect(await kubectl.ok('cordon', 'node-1')).toBe('node/node-1 cordoned\n');
    expect(spec(node('node-1')).unschedulable).toBe(true);
    expect(await kubectl.ok('get', 'node', 'node-1', '--no-headers')).toMatch(
      /^node-1\s+Ready,SchedulingDisabled\s/,
    );
    expect(await kubectl.ok('uncordon', 'node-1')).toBe('node/node-1 uncordoned\n');
    expect(spec(node('node-1')).unschedulable).toBeUndefined();
  });

  it('taint key=value:NoSchedule, and key- removes it', async () => {
    expect(await kubectl.ok('taint', 'nodes', 'node-2', 'dedicated=gpu:NoSchedule')).toBe(
      'node/node-2 tainted\n',
    );
    expect(spec(node('node-2')).taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    await kubectl.ok('taint', 'nodes', 'node-2', 'spot=true:PreferNoSchedule');
    expect(spec(node('node-2')).taints).toHaveLength(2);
    expect(await kubectl.ok('taint', 'nodes', 'node-2', 'dedicated-')).toBe('node/node-2 untainted\n');
    expect(spec(node('node-2')).taints).toEqual([{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }]);
    await kubectl.ok('taint', 'nodes', 'node-2', 'spot-');
    expect(spec(node('node-2')).taints).toBeUndefined();
  });

  it('drain --ignore-daemonsets --delete-emptydir-data evicts and completes', async () => {
    const run = await kubectl.run(
      'drain',
      'node-1',
      '--ignore-daemonsets',
      '--delete-emptydir-data',
      '--timeout',
      '30s',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('node/node-1 cordoned');
    expect(run.stdout).toContain('evicting pod shop/web-5d4f8c7b9-abcde');
    expect(run.stdout).toContain('pod/web-5d4f8c7b9-abcde evicted');
    expect(run.stdout).toContain('node/node-1 drained');
    expect(run.stderr).toContain('Warning: ignoring DaemonSet-managed Pods: kube-system/node-exporter-r4v8m');
    expect(podsOn('node-1')).toEqual(['node-exporter-r4v8m']);
    const pdb = fx.backend.store.get(keys.poddisruptionbudgets, 'shop', 'web-pdb');
    expect(pdb?.status).toMatchObject({
      disruptionsAllowed: 0,
      disruptedPods: { 'web-5d4f8c7b9-abcde': expect.any(String) },
    });
  });

  it('a drain blocked by a PDB keeps retrying until its timeout', async () => {
    await kubectl.ok('drain', 'node-1', '--ignore-daemonsets', '--delete-emptydir-data', '--timeout', '30s');
    // The budget is used up: the next web pod cannot go.
    const run = await kubectl.run(
      'drain',
      'node-2',
      '--ignore-daemonsets',
      '--delete-emptydir-data',
      '--timeout',
      '8s',
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `error when evicting pods/"web-5d4f8c7b9-fghij" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
    );
    expect(run.stderr).toMatch(/global timeout reached: 8s/);
    expect(podsOn('node-2').sort()).toEqual(['node-exporter-s6w9n', 'web-5d4f8c7b9-fghij']);
    expect(spec(node('node-2')).unschedulable).toBe(true);
  });

  it('the viewer cannot cordon: 403 in the API server words', async () => {
    // kubectl cordon reports the refusal but exits 0 (kubectl 1.32 behaviour, not the server's).
    const run = await kubectl.viewer('cordon', 'node-3');
    expect(run.stderr).toContain(
      'error: unable to cordon node "node-3": nodes "node-3" is forbidden: User "viewer" cannot patch resource "nodes" in API group "" at the cluster scope',
    );
    expect(spec(node('node-3')).unschedulable).toBeUndefined();
    const del = await kubectl.viewer('delete', 'pod', '-n', 'shop', 'web-5d4f8c7b9-klmno');
    expect(del.code).toBe(1);
    expect(del.stderr).toContain(
      'Error from server (Forbidden): pods "web-5d4f8c7b9-klmno" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "shop"',
    );
  });
});

describe('kubectl workload actions', { timeout: 60_000 }, () => {
  const manifest = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: ${image}
        env:
        - {name: MODE, value: fast}
`;

  it('apply -f creates, leaves unchanged, then configures a Deployment', async () => {
    const file = join(tmpdir(), `foresight-apply-${process.pid}.yaml`);
    await writeFile(file, manifest(2));
    expect(await kubectl.ok('apply', '-f', file)).toBe('deployment.apps/api created\n');
    const created = fx.backend.store.get(keys.deployments, 'shop', 'api');
    expect(created?.spec).toMatchObject({
      replicas: 2,
      strategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 10,
    });
    expect(await kubectl.ok('apply', '-f', file)).toBe('deployment.apps/api unchanged\n');
    await writeFile(file, manifest(4, 'nginx:1.28'));
    expect(await kubectl.ok('apply', '-f', file)).toBe('deployment.apps/api configured\n');
    const updated = fx.backend.store.get(keys.deployments, 'shop', 'api');
    expect(updated?.spec).toMatchObject({
      replicas: 4,
      template: {
        spec: { containers: [{ name: 'api', image: 'nginx:1.28', env: [{ name: 'MODE', value: 'fast' }] }] },
      },
    });
    expect(updated?.metadata.generation).toBe(2);
    const dry = await kubectl.ok('apply', '-f', file, '--dry-run=server');
    expect(dry).toBe('deployment.apps/api unchanged (server dry run)\n');
  });

  it('a Deployment whose selector does not match its template is 422 Invalid', async () => {
    const file = join(tmpdir(), `foresight-bad-${process.pid}.yaml`);
    await writeFile(file, manifest(1).replace('matchLabels: {app: api}', 'matchLabels: {app: other}'));
    const run = await kubectl.run('apply', '-f', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The Deployment "api" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    );
  });

  it('scale deployment sets its replicas through the scale subresource', async () => {
    expect(await kubectl.ok('scale', 'deployment', 'web', '-n', 'shop', '--replicas=5')).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(spec(fx.backend.store.get(keys.deployments, 'shop', 'web')).replicas).toBe(5);
    const run = await kubectl.run(
      'scale',
      'deployment',
      'web',
      '-n',
      'shop',
      '--replicas=7',
      '--current-replicas=3',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Expected replicas to be 3, was 5');
  });

  it('autoscale creates an HPA (kubectl writes autoscaling/v1)', async () => {
    expect(
      await kubectl.ok(
        'autoscale',
        'deployment',
        'web',
        '-n',
        'shop',
        '--min',
        '2',
        '--max',
        '6',
        '--cpu-percent',
        '60',
        '--name',
        'web-cpu',
      ),
    ).toBe('horizontalpodautoscaler.autoscaling/web-cpu autoscaled\n');
    expect(fx.backend.store.get(keys.horizontalpodautoscalers, 'shop', 'web-cpu')?.spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
        },
      ],
    });
    expect(await kubectl.ok('get', 'hpa', 'web-cpu', '-n', 'shop', '--no-headers')).toMatch(
      /^web-cpu\s+Deployment\/web\s+cpu: <unknown>\/60%\s+2\s+6\s+0\s/,
    );
  });

  it('delete pod waits for the graceful deletion to finish', async () => {
    expect(await kubectl.ok('delete', 'pod', '-n', 'shop', 'web-5d4f8c7b9-klmno')).toBe(
      'pod "web-5d4f8c7b9-klmno" deleted\n',
    );
    expect(fx.backend.store.get(keys.pods, 'shop', 'web-5d4f8c7b9-klmno')).toBeUndefined();
  });

  it('patch with each patch type', async () => {
    await kubectl.ok(
      'patch',
      'node',
      'node-3',
      '--type',
      'merge',
      '-p',
      '{"metadata":{"labels":{"tier":"gold"}}}',
    );
    await kubectl.ok(
      'patch',
      'node',
      'node-3',
      '--type',
      'json',
      '-p',
      '[{"op":"add","path":"/metadata/labels/zone","value":"a"}]',
    );
    await kubectl.ok('label', 'node', 'node-3', 'rack=r7');
    expect(node('node-3')?.metadata.labels).toMatchObject({ tier: 'gold', zone: 'a', rack: 'r7' });
    const bad = await kubectl.run('label', 'node', 'node-3', 'rack=bad value!', '--overwrite');
    expect(bad.code).toBe(1);
  });
});

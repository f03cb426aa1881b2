import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../sim/store/api-resources.ts';
import { podJson } from './testing/fixture.ts';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';
import { kubectlFor, type Kubectl } from './testing/kubectl.ts';

/** Real kubectl reading the fixture cluster: what an operator types first. */

let fx: FixtureServer;
let kubectl: Kubectl;

beforeAll(async () => {
  fx = await startFixtureServer({ watchTimeoutSeconds: 3 });
  kubectl = await kubectlFor(fx.server);
});
afterAll(async () => {
  await kubectl?.dispose();
  await fx?.close();
});

const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));

describe('kubectl get and describe', { timeout: 60_000 }, () => {
  it('get nodes prints NAME STATUS ROLES AGE VERSION', async () => {
    const table = rows(await kubectl.ok('get', 'nodes'));
    expect(table[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(table.slice(1)).toEqual([
      ['control-plane', 'Ready', 'control-plane', '120d', 'v1.31.4'],
      ['node-1', 'Ready', 'worker', '120d', 'v1.31.4'],
      ['node-2', 'Ready', 'worker', '120d', 'v1.31.4'],
      ['node-3', 'Ready', 'worker', '120d', 'v1.31.4'],
    ]);
  });

  it('get nodes -o wide adds the addresses and node info', async () => {
    const table = rows(await kubectl.ok('get', 'nodes', '-o', 'wide'));
    expect(table[0]).toEqual([
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ]);
    expect(table[2]?.slice(5)).toEqual([
      '10.0.0.11',
      '<none>',
      'Ubuntu 24.04 LTS',
      '6.8.0-45-generic',
      'containerd://1.7.22',
    ]);
  });

  it('get pods -A -o wide shows READY, STATUS, IP and NODE', async () => {
    const table = rows(await kubectl.ok('get', 'pods', '-A', '-o', 'wide'));
    expect(table[0]).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    expect(table).toContainEqual([
      'shop',
      'web-5d4f8c7b9-fghij',
      '1/1',
      'Running',
      '0',
      '3d',
      '10.244.2.10',
      'node-2',
      '<none>',
      '<none>',
    ]);
    expect(table).toHaveLength(1 + 7);
  });

  it('describe node lists the pods on it and its events', async () => {
    const out = await kubectl.ok('describe', 'node', 'node-1');
    expect(out).toMatch(/^Name:\s+node-1$/m);
    expect(out).toMatch(/Non-terminated Pods:\s+\(2 in total\)/);
    expect(out).toMatch(/shop\s+web-5d4f8c7b9-abcde\s+100m \(2%\)/);
    expect(out).toMatch(/kube-system\s+node-exporter-r4v8m/);
    // Both conventions for node events: the node's uid (controllers) and its name (kubelet).
    expect(out).toMatch(/Normal\s+NodeHasSufficientMemory\s+\S+\s+kubelet\s+Node node-1 status is now/);
    expect(out).toMatch(/Normal\s+RegisteredNode\s+\S+\s+node-controller/);
  });

  it('get events, pdb, hpa, jobs, daemonsets and replicasets print their columns', async () => {
    const events = rows(await kubectl.ok('get', 'events'));
    expect(events[0]).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(events).toContainEqual([
      '14m',
      'Normal',
      'NodeHasSufficientMemory',
      'node/node-1',
      'Node node-1 status is now: NodeHasSufficientMemory',
    ]);
    const pdb = rows(await kubectl.ok('get', 'pdb', '-n', 'shop'));
    expect(pdb).toEqual([
      ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
      ['web-pdb', '2', 'N/A', '1', '10d'],
    ]);
    const hpa = rows(await kubectl.ok('get', 'hpa', '-n', 'shop'));
    expect(hpa).toEqual([
      ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
      ['web', 'Deployment/web', 'cpu: 45%/70%', '2', '10', '3', '10d'],
    ]);
    const jobs = rows(await kubectl.ok('get', 'jobs', '-n', 'shop'));
    expect(jobs).toEqual([
      ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
      ['nightly-report', 'Complete', '1/1', '90s', '24h'],
    ]);
    const ds = rows(await kubectl.ok('get', 'ds', '-n', 'kube-system'));
    expect(ds[0]).toEqual([
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'NODE SELECTOR',
      'AGE',
    ]);
    expect(ds[1]).toEqual(['node-exporter', '4', '4', '4', '4', '4', '<none>', '100d']);
    const rs = rows(await kubectl.ok('get', 'rs', '-n', 'shop'));
    expect(rs).toEqual([
      ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
      ['web-5d4f8c7b9', '3', '3', '3', '10d'],
    ]);
    const deploy = rows(await kubectl.ok('get', 'deploy', '-n', 'shop'));
    expect(deploy).toEqual([
      ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
      ['web', '3/3', '3', '3', '10d'],
    ]);
  });

  it('filters with -l and --field-selector', async () => {
    const byLabel = await kubectl.ok('get', 'pods', '-A', '-l', 'app=node-exporter', '-o', 'name');
    expect(byLabel.trim().split('\n')).toHaveLength(4);
    const byField = await kubectl.ok(
      'get',
      'pods',
      '-A',
      '--field-selector',
      'spec.nodeName=node-2',
      '-o',
      'name',
    );
    expect(byField.trim().split('\n').sort()).toEqual(['pod/node-exporter-s6w9n', 'pod/web-5d4f8c7b9-fghij']);
  });

  it('reports a missing object the way a cluster does', async () => {
    const run = await kubectl.run('get', 'deploy', '-n', 'shop', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error from server (NotFound): deployments.apps "nope" not found');
  });
});

describe('kubectl top', { timeout: 60_000 }, () => {
  it('top nodes shows the metrics source usage', async () => {
    const table = rows(await kubectl.ok('top', 'nodes'));
    expect(table[0]?.[0]).toBe('NAME');
    expect(table).toContainEqual(['node-1', '500m', '12%', '3072Mi', '20%']);
  });

  it('top pods shows per-pod usage', async () => {
    const table = rows(await kubectl.ok('top', 'pods', '-n', 'shop'));
    expect(table[0]).toEqual(['NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    expect(table.slice(1).map((r) => r[0])).toEqual([
      'web-5d4f8c7b9-abcde',
      'web-5d4f8c7b9-fghij',
      'web-5d4f8c7b9-klmno',
    ]);
    expect(table[1]?.slice(1)).toEqual(['25m', '64Mi']);
  });
});

describe('kubectl auth and watch', { timeout: 60_000 }, () => {
  it('auth can-i answers for the admin and the viewer', async () => {
    expect((await kubectl.run('auth', 'can-i', 'delete', 'pods')).stdout.trim()).toBe('yes');
    const viewerDelete = await kubectl.viewer('auth', 'can-i', 'delete', 'pods');
    expect(viewerDelete).toMatchObject({ code: 1, stdout: 'no\n' });
    expect((await kubectl.viewer('auth', 'can-i', 'list', 'pods', '-A')).stdout.trim()).toBe('yes');
    expect((await kubectl.viewer('auth', 'can-i', 'create', 'pods/eviction')).stdout.trim()).toBe('no');
  });

  it('get -w prints changes until the server ends the watch', async () => {
    const watching = kubectl.run('get', 'pods', '-n', 'shop', '--watch-only');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    fx.backend.store.create(keys.pods, podJson({ namespace: 'shop', name: 'late-arrival', node: 'node-3' }));
    const run = await watching;
    expect(run.stdout).toMatch(/^late-arrival\s+1\/1\s+Running\s+0\s+3d$/m);
  });
});

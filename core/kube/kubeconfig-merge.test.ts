import { execFile } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listContexts, type ContextSummary } from './contexts.ts';
import { loadKubeconfig } from './kubeconfig.ts';
import { kubeconfigFiles } from './kubeconfig-files.ts';
import { mergeKubeconfigFiles } from './kubeconfig-merge.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'kubeconfigs');
const a = join(fixtures, 'team', 'a.yaml');
const b = join(fixtures, 'b.yaml');
const exec = join(fixtures, 'exec.yaml');
const broken = join(fixtures, 'broken.yaml');
const missing = join(fixtures, 'does-not-exist.yaml');

/** `kubectl config get-contexts` for a KUBECONFIG list, parsed from its table. */
async function kubectlContexts(files: string[]): Promise<ContextSummary[]> {
  const { stdout } = await promisify(execFile)('kubectl', ['config', 'get-contexts'], {
    env: { ...process.env, KUBECONFIG: files.join(delimiter) },
    timeout: 20_000,
  });
  return stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const current = line.startsWith('*');
      const [name = '', cluster = '', user = '', namespace = ''] = line.slice(1).trim().split(/\s+/);
      return { name, cluster, user, namespace, current };
    });
}

describe('kubeconfig merging agrees with kubectl', () => {
  it.each([
    { name: 'one file', files: [a] },
    { name: 'duplicate names and conflicting current-context: the first file wins', files: [a, b] },
    { name: 'the same files in the other order', files: [b, a] },
    { name: 'three files with an exec plugin user', files: [a, b, exec] },
    { name: 'a missing file in the list is skipped', files: [missing, b] },
    { name: 'no current-context anywhere', files: [exec] },
    { name: 'a token file user', files: [join(fixtures, 'team', 'token-file.yaml'), a] },
  ])('$name', async ({ files }) => {
    expect(listContexts(mergeKubeconfigFiles(files))).toEqual(await kubectlContexts(files));
  });
});

describe('mergeKubeconfigFiles', () => {
  it('resolves relative certificate, key and exec paths against the file that names them', () => {
    const merged = mergeKubeconfigFiles([a, exec]);
    const cluster = merged.raw.clusters.find((c) => c.name === 'dev-cluster')?.['cluster'] as Record<
      string,
      string
    >;
    expect(cluster['certificate-authority']).toBe(join(fixtures, 'team', 'certs', 'ca.crt'));
    const user = merged.raw.users.find((u) => u.name === 'dev-user')?.['user'] as Record<string, string>;
    expect(user['client-key']).toBe(join(fixtures, 'team', 'certs', 'client.key'));
    const execUser = merged.raw.users.find((u) => u.name === 'exec-user')?.['user'] as {
      exec: { command: string };
    };
    expect(execUser.exec.command).toBe(join(fixtures, 'plugins', 'token.sh'));
  });

  it('reports a file that does not parse, naming it, and still loads the others', () => {
    const merged = mergeKubeconfigFiles([a, broken, b]);
    expect(merged.problems).toHaveLength(1);
    expect(merged.problems[0]?.message).toContain(broken);
    expect(merged.problems[0]?.message).toMatch(/could not be read: .+ fix the file/i);
    expect(listContexts(merged).map((c) => c.name)).toEqual(['dev', 'prod', 'shared']);
  });

  it.each([
    ['a list where a map belongs', 'clusters: {a: 1}\n'],
    ['an entry without a name', 'contexts: [{context: {cluster: x}}]\n'],
    ['a scalar document', '42\n'],
  ])('refuses %s with a reason', async (_name, text) => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'foresight-kc-')), 'config');
    writeFileSync(file, text);
    const merged = mergeKubeconfigFiles([file]);
    expect(merged.problems[0]?.message).toContain(file);
  });
});

describe('loadKubeconfig over a merged list', () => {
  it('selects the merged current-context and the first definition of each name', () => {
    const loaded = loadKubeconfig([a, b], 'shared');
    expect(loaded.context).toBe('shared');
    expect(loaded.server).toBe('https://shared-from-a.example.invalid:6443');
    expect(loadKubeconfig([b, a]).context).toBe('prod');
  });

  it('runs an exec credential plugin found relative to its kubeconfig', async () => {
    const loaded = loadKubeconfig([exec], 'exec');
    const options: { headers?: Record<string, string> } = {};
    await loaded.kubeConfig.applyToHTTPSOptions(options);
    expect(options.headers?.['Authorization']).toBe('Bearer exec-token-123');
  });

  it('reads a tokenFile relative to its kubeconfig (client-node alone ignores it)', async () => {
    const loaded = loadKubeconfig([join(fixtures, 'team', 'token-file.yaml')]);
    const options: { headers?: Record<string, string> } = {};
    await loaded.kubeConfig.applyToHTTPSOptions(options);
    expect(options.headers?.['Authorization']).toBe('Bearer token-from-file');
  });

  it('names the context and the known ones when the context does not exist', () => {
    expect(() => loadKubeconfig([a, broken], 'prod')).toThrow(
      /Context "prod" is not in .*Known contexts: dev, shared\..*broken\.yaml/,
    );
  });
});

describe('kubeconfigFiles', () => {
  it.each([
    { env: { KUBECONFIG: ['/a', '', '/b', '/a'].join(delimiter) }, want: ['/a', '/b'] },
    { env: { KUBECONFIG: '' }, want: ['/home/u/.kube/config'] },
    { env: {}, want: ['/home/u/.kube/config'] },
  ])('KUBECONFIG=$env.KUBECONFIG → $want', ({ env, want }) => {
    expect(kubeconfigFiles(env, '/home/u')).toEqual(want);
  });
});

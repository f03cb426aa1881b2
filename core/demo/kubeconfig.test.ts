import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKubeconfigYaml, writeKubeconfigFile } from './kubeconfig.ts';
import { asArray, asRecord } from './testing/http.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foresight-kubeconfig-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('demoKubeconfigYaml', () => {
  it('names the cluster, user and context foresight-demo and selects the context', () => {
    const config = asRecord(
      yaml.load(demoKubeconfigYaml({ url: 'https://127.0.0.1:4443', token: 'tok', caCertPem: CA })),
    );
    expect(config).toMatchObject({ apiVersion: 'v1', kind: 'Config', 'current-context': 'foresight-demo' });
    expect(config.clusters).toEqual([
      {
        name: 'foresight-demo',
        cluster: {
          server: 'https://127.0.0.1:4443',
          'certificate-authority-data': Buffer.from(CA).toString('base64'),
        },
      },
    ]);
    expect(config.users).toEqual([{ name: 'foresight-demo-admin', user: { token: 'tok' } }]);
    expect(asArray(config.contexts)[0]).toEqual({
      name: 'foresight-demo',
      context: { cluster: 'foresight-demo', user: 'foresight-demo-admin', namespace: 'default' },
    });
  });

  it('adds a read-only viewer context when given a viewer token', () => {
    const config = asRecord(
      yaml.load(
        demoKubeconfigYaml({
          url: 'https://127.0.0.1:4443',
          token: 'tok',
          viewerToken: 'view',
          caCertPem: CA,
        }),
      ),
    );
    expect(config['current-context']).toBe('foresight-demo');
    expect(config.users).toEqual([
      { name: 'foresight-demo-admin', user: { token: 'tok' } },
      { name: 'foresight-demo-viewer', user: { token: 'view' } },
    ]);
    expect(asArray(config.contexts)[1]).toEqual({
      name: 'foresight-demo-viewer',
      context: { cluster: 'foresight-demo', user: 'foresight-demo-viewer', namespace: 'default' },
    });
  });

  it('skips TLS verification only when there is no CA (plain http)', () => {
    const config = asRecord(yaml.load(demoKubeconfigYaml({ url: 'http://127.0.0.1:8080', token: 'tok' })));
    expect(asRecord(asArray(config.clusters)[0]).cluster).toEqual({
      server: 'http://127.0.0.1:8080',
      'insecure-skip-tls-verify': true,
    });
  });
});

describe('writeKubeconfigFile', () => {
  it('creates missing folders and leaves the file readable by its owner only', async () => {
    const path = join(dir, 'nested', 'deeper', 'kubeconfig');
    await writeKubeconfigFile(path, 'a: 1\n');
    expect(await readFile(path, 'utf8')).toBe('a: 1\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('tightens the mode of a file that already existed', async () => {
    const path = join(dir, 'existing');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeKubeconfigFile(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

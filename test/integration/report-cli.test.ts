import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../core/demo/certificate.ts';
import { waitFor } from './support/wait.ts';

// `foresight report` as a user runs it: the built CLI (npm test builds first), real worker
// threads, the demo cluster, and poppler to read the PDF back.

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'bin', 'foresight.mjs');
const run = promisify(execFile);

async function foresight(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return run(process.execPath, [cli, ...args], { cwd: root, env, timeout: 120_000 });
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function pdfPages(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
}

describe('foresight report --demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-report-cli-'));

  it('writes a valid PDF naming the cluster and every node, and exits 0', { timeout: 180_000 }, async () => {
    // JSON first, to learn the demo's node names from the machine-readable export.
    await foresight(['report', '--demo', '--format', 'json', '--out', join(dir, 'r.json')]);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const names: string[] = report.sections['cluster-summary'].nodes.map((n: { name: string }) => n.name);
    expect(names.length).toBeGreaterThan(1);

    const started = Date.now();
    const { stdout, stderr } = await foresight([
      'report',
      '--demo',
      '--format',
      'pdf',
      '--out',
      join(dir, 'r.pdf'),
    ]);
    expect(stdout).toMatch(
      /^Wrote .*r\.pdf \(PDF, \d+ KB; cluster-summary(, [a-z-]+)*\) in [\d.]+ s; the report itself took \d+ ms\.$/m,
    );
    // Every available section is in (more as the demo's features have data): one step each.
    expect(stderr).toMatch(/\[(\d+)\/\1\] Done/);
    expect(stdout).toMatch(/; cluster-summary, [a-z-, ]*audit-log\)/);
    const pdf = readFileSync(join(dir, 'r.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdfPages(join(dir, 'r.pdf'))).toBeGreaterThanOrEqual(2);
    const text = pdfText(join(dir, 'r.pdf'));
    expect(text).toContain('foresight-demo');
    for (const name of names) expect(text).toContain(name);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it.each([
    { args: ['--format', 'odt', '--out', 'x'], code: 2, message: /--format odt is not a report format/ },
    {
      args: ['--format', 'pdf', '--out', '/no/such/folder/r.pdf'],
      code: 2,
      message: /folder \/no\/such\/folder does not exist/,
    },
    {
      args: ['--format', 'pdf', '--out', 'r.pdf', '--sections', 'risk'],
      code: 2,
      message:
        /unknown section "risk"\. Sections: cluster-summary, node-risk, timeline, placement, scaling, evaluation, audit-log\./,
    },
  ])('fails clearly: $args', { timeout: 120_000 }, async ({ args, code, message }) => {
    const failure = await foresight([
      'report',
      '--demo',
      ...args.map((a) => (a === 'r.pdf' ? join(dir, a) : a)),
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(code);
    expect(failure?.stderr).toMatch(message);
  });
});

describe('no secret of the kubeconfig reaches any report format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-report-secrets-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  let server: ChildProcess | undefined;
  const secrets: string[] = [];

  beforeAll(async () => {
    // The demo cluster's API in its own process, as kubectl users would run it.
    server = spawn(process.execPath, [cli, 'demo-server', '--port', '0', '--kubeconfig-out', kubeconfig], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(
      'the demo server’s kubeconfig',
      () => (output.includes('Kubeconfig written') ? true : undefined),
      60_000,
    );

    // Seed every kind of credential a kubeconfig holds. The used user keeps its (real) token
    // and gains a client certificate and key; other users carry exec and password secrets.
    const config = yaml.load(readFileSync(kubeconfig, 'utf8')) as {
      users: Array<{ name: string; user: Record<string, unknown> }>;
      contexts: Array<{ name: string; context: Record<string, unknown> }>;
      clusters: Array<{ name: string }>;
    };
    const client = createSelfSignedCertificate({
      commonName: 'report-secrets-test',
      ipAddresses: [],
      dnsNames: ['client.invalid'],
      notBeforeMs: Date.now() - 60_000,
      notAfterMs: Date.now() + 3_600_000,
    });
    const user = config.users[0];
    if (!user) throw new Error('the demo kubeconfig has no user');
    const token = String(user.user.token);
    const certData = Buffer.from(client.certPem).toString('base64');
    const keyData = Buffer.from(client.keyPem).toString('base64');
    user.user['client-certificate-data'] = certData;
    user.user['client-key-data'] = keyData;
    config.users.push(
      {
        name: 'exec-user',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'false',
            env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'exec-env-secret-wJalrXUtnFEMI' }],
          },
        },
      },
      { name: 'basic-user', user: { username: 'admin', password: 'basic-password-Tr0ub4dor' } },
    );
    config.contexts.push({
      name: 'exec-context',
      context: { cluster: config.clusters[0]?.name, user: 'exec-user' },
    });
    writeFileSync(kubeconfig, yaml.dump(config), { mode: 0o600 });
    const keyBody = client.keyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
    secrets.push(
      token,
      certData,
      keyData,
      ...keyBody,
      'exec-env-secret-wJalrXUtnFEMI',
      'basic-password-Tr0ub4dor',
    );
    secrets.push(certData.slice(0, 40), keyData.slice(0, 40), token.slice(0, 16));
  }, 90_000);

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  function assertClean(format: string, text: string): void {
    // The report is about this cluster: make sure the search has something to search.
    expect(text, `${format} report names the context`).toContain('foresight-demo');
    // …and that it was made through the seeded kubeconfig: it holds live nodes.
    expect(text, `${format} report lists healthy nodes`).toMatch(/healthy/i);
    for (const secret of secrets)
      expect(text.includes(secret), `${format} report leaks ${secret.slice(0, 12)}…`).toBe(false);
  }

  it.each(['html', 'pdf', 'csv', 'json'])('%s', { timeout: 120_000 }, async (format) => {
    const out = join(dir, `report.${format}`);
    const env = { ...process.env, KUBECONFIG: kubeconfig };
    await foresight(
      [
        'report',
        '--context',
        'foresight-demo',
        '--format',
        format,
        '--out',
        out,
        '--data-dir',
        join(dir, 'data'),
      ],
      env,
    );
    const bytes = readFileSync(out);
    if (format === 'pdf') {
      assertClean('pdf (text)', pdfText(out));
      // Metadata and any uncompressed strings, byte for byte.
      for (const secret of secrets) expect(bytes.toString('latin1').includes(secret)).toBe(false);
    } else if (format === 'csv') {
      const files = unzipSync(new Uint8Array(bytes));
      assertClean(
        'csv',
        Object.values(files)
          .map((f) => strFromU8(f))
          .join('\n'),
      );
    } else {
      assertClean(format, bytes.toString('utf8'));
    }
  });
});

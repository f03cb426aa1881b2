import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoServer } from '../server.ts';

/**
 * Real kubectl as an independent client of the demo server, for tests. Runs with a private HOME
 * and no KUBECONFIG, so a developer's own clusters are never touched. Not a test file itself.
 */

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Kubectl {
  run(...args: string[]): Promise<KubectlRun>;
  /** stdout, or a thrown error with kubectl's own words when it failed. */
  ok(...args: string[]): Promise<string>;
  /** The same, as the read-only viewer (`--context foresight-demo-viewer`). */
  viewer(...args: string[]): Promise<KubectlRun>;
  dispose(): Promise<void>;
}

export async function kubectlFor(server: DemoServer, timeoutMs = 30_000): Promise<Kubectl> {
  if (!existsSync(KUBECTL)) throw new Error(`kubectl not found at ${KUBECTL} (set KUBECTL to its path)`);
  const dir = await mkdtemp(join(tmpdir(), 'foresight-kubectl-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  await server.writeKubeconfig(kubeconfig);
  const run = (...args: string[]): Promise<KubectlRun> =>
    new Promise((resolve) => {
      execFile(
        KUBECTL,
        ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args],
        { timeout: timeoutMs, env: { PATH: process.env.PATH ?? '', HOME: dir }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr: error && code === -1 ? `${error.message}\n${stderr}` : stderr });
        },
      );
    });
  return {
    run,
    async ok(...args) {
      const result = await run(...args);
      if (result.code !== 0)
        throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
      return result.stdout;
    },
    viewer: (...args) => run('--context', 'foresight-demo-viewer', ...args),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A running `foresight web --demo` host, shared by every test in the worker. */
export interface ForesightHost {
  /** The URL the host printed, token included. */
  url: string;
  dataDir: string;
}

const urlLine = /Foresight is running at (http:\/\/\S+)/;
const startTimeoutMs = 90_000;

/**
 * The demo clock runs at 60x so values (which change every 15 s of simulated time) move within
 * a second, and the collector samples every second so the UI sees the change promptly.
 */
export const demoArgs = ['--demo', '--speed', '60', '--interval-ms', '1000'];

const hostArgs = (dataDir: string, args: readonly string[]) => [
  path.join(repoRoot, 'bin/foresight.mjs'),
  'web',
  '--data-dir',
  dataDir,
  '--port',
  '0',
  ...args,
];

/** Resolves with the URL once the host prints it; rejects with its output if it exits or stalls. */
function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${why}\n--- host output ---\n${output.slice(-4000)}`));
    };
    const timer = setTimeout(
      () => fail(`foresight web printed no URL within ${startTimeoutMs / 1000} s`),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlLine.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => fail(`could not start foresight web: ${error.message}`));
    child.once('exit', (code, signal) => fail(`foresight web exited early (code ${code}, signal ${signal})`));
  });
}

/** SIGTERM lets the host close the database cleanly; SIGKILL if it has not gone in 10 s. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs `foresight web` with `args` around `work`, in a fresh data directory (created before,
 * so a test may prepare it through `prepare`), and always stops it.
 */
export async function withHost(
  args: readonly string[] | ((dataDir: string) => readonly string[]),
  work: (host: ForesightHost) => Promise<void>,
  prepare: (dataDir: string) => void = () => undefined,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'foresight-e2e-'));
  prepare(dataDir);
  const resolvedArgs = typeof args === 'function' ? args(dataDir) : args;
  const child = spawn(process.execPath, hostArgs(dataDir, resolvedArgs), {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await waitForUrl(child);
    await work({ url, dataDir });
  } finally {
    await stopHost(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<Record<never, never>, { foresight: ForesightHost }>({
  foresight: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => withHost(demoArgs, (host) => use(host)),
    { scope: 'worker', timeout: startTimeoutMs + 30_000 },
  ],
});

export const hostStartTimeoutMs = startTimeoutMs;

/**
 * Runs `foresight demo-server` with `args` around `work` (a cluster of its own, apart from the
 * shared demo host), handing `work` the kubeconfig it wrote; always stops it.
 */
export async function withDemoServer(
  args: readonly string[],
  work: (kubeconfig: string) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'foresight-demo-server-'));
  const kubeconfig = path.join(dir, 'demo.kubeconfig');
  const server = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin/foresight.mjs'), 'demo-server', ...args, '--kubeconfig-out', kubeconfig],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`demo-server did not start:\n${output}`)), 60_000);
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Kubeconfig written to')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await work(kubeconfig);
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export { expect } from '@playwright/test';

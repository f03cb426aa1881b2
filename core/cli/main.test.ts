import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foresightVersion } from '../backend/version.ts';
import { main } from './main.ts';
import type { CommandOutput } from './output.ts';

function capture(): CommandOutput & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, result: (l) => out.push(l), info: (l) => err.push(l), error: (l) => err.push(l) };
}

describe('foresight command line', () => {
  it('prints the version, which is package.json’s', async () => {
    const io = capture();
    expect(await main(['--version'], io)).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(io.out).toEqual([pkg.version]);
    expect(foresightVersion).toBe(pkg.version);
  });

  it.each([
    { args: ['frobnicate'], message: /Unknown command "frobnicate"/ },
    { args: ['web', '--port', 'eighty'], message: /--port needs a non-negative number/ },
    { args: ['web', '--no-such-flag'], message: /Unknown option '--no-such-flag'/ },
  ])('usage errors exit 2 with a message and the usage: $args', async ({ args, message }) => {
    const io = capture();
    expect(await main(args, io)).toBe(2);
    expect(io.err.join('\n')).toMatch(message);
    expect(io.err.join('\n')).toContain('Usage: foresight');
  });

  it('contexts prints the merged contexts as JSON and names a broken file on stderr', async () => {
    const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'kubeconfigs');
    const io = capture();
    const code = await main(
      [
        'contexts',
        '--kubeconfig',
        join(fixtures, 'team', 'a.yaml'),
        '--kubeconfig',
        join(fixtures, 'broken.yaml'),
      ],
      io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.out.join('\n'))).toEqual([
      { name: 'dev', cluster: 'dev-cluster', user: 'dev-user', namespace: 'team-a', current: true },
      { name: 'shared', cluster: 'shared-cluster', user: 'shared-user', namespace: '', current: false },
    ]);
    expect(io.err.join('\n')).toContain('broken.yaml could not be read');
  });

  it('contexts with nothing readable exits 1 and says why', async () => {
    const io = capture();
    const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'kubeconfigs');
    expect(await main(['contexts', '--kubeconfig', join(fixtures, 'broken.yaml')], io)).toBe(1);
    expect(io.err.join('\n')).toContain('broken.yaml');
  });
});

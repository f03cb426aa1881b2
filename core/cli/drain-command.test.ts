import { describe, expect, it } from 'vitest';
import { parseDrainArgs } from './drain-command.ts';
import { UsageError } from './usage-error.ts';

describe('foresight drain arguments', () => {
  it('takes kubectl drain flags', () => {
    const args = parseDrainArgs([
      'node-3',
      '--context',
      'prod',
      '--kubeconfig',
      'a.yaml',
      '--ignore-daemonsets',
      '--delete-emptydir-data',
      '--force',
      '--grace-period',
      '30',
      '--timeout',
      '5m',
      '--disable-eviction',
      '--dry-run=server',
      '-o',
      'json',
    ]);
    expect(args).toEqual({
      node: 'node-3',
      context: 'prod',
      kubeconfigs: ['a.yaml'],
      json: true,
      options: {
        ignoreDaemonSets: true,
        deleteEmptyDirData: true,
        force: true,
        gracePeriodSeconds: 30,
        timeoutSeconds: 300,
        skipWaitForDeleteTimeoutSeconds: 0,
        disableEviction: true,
        dryRun: 'server',
      },
    });
  });

  it('defaults to kubectl defaults: no flags, grace -1, no timeout, no dry run', () => {
    expect(parseDrainArgs(['n']).options).toMatchObject({
      ignoreDaemonSets: false,
      gracePeriodSeconds: -1,
      timeoutSeconds: 0,
      dryRun: 'none',
    });
  });

  it.each([
    [[], 'name the node to drain'],
    [['a', 'b'], 'one node at a time'],
    [['n', '--grace-period', 'soon'], '--grace-period needs whole seconds'],
    [['n', '--grace-period=-2'], '--grace-period needs whole seconds'],
    // A value starting with a dash must be attached, as Node's parseArgs says: --grace-period=-1.
    [['n', '--grace-period', '-1'], "use '--grace-period=-XYZ'"],
    [['n', '--timeout', '5'], '--timeout: "5" is not a duration'],
    [['n', '--dry-run=maybe'], '--dry-run must be none, client or server'],
    [['n', '-o', 'yaml'], '-o supports json only'],
    [['n', '--no-such-flag'], "Unknown option '--no-such-flag'"],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseDrainArgs(argv)).toThrow(UsageError);
    expect(() => parseDrainArgs(argv)).toThrow(message);
  });
});

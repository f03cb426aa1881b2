import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import type { CommandOutput } from './output.ts';
import { parseReportOptions } from './report-options.ts';

const cwd = mkdtempSync(join(tmpdir(), 'foresight-report-cli-'));
mkdirSync(join(cwd, 'existing-dir'));
mkdirSync(join(cwd, 'read-only'));
chmodSync(join(cwd, 'read-only'), 0o500);
// root ignores permissions: the read-only case only means something for other users.
const isRoot = process.getuid?.() === 0;

describe('parseReportOptions', () => {
  it('fills the defaults: the last 24 h, every available section, the path made absolute', () => {
    expect(parseReportOptions({ format: 'PDF', out: 'r.pdf' }, cwd)).toEqual({
      format: 'pdf',
      out: join(cwd, 'r.pdf'),
      sinceMs: 86_400_000,
      sections: undefined,
    });
    expect(
      parseReportOptions(
        { format: 'csv', out: 'x.zip', since: '6h', sections: 'cluster-summary, node-risk' },
        cwd,
      ),
    ).toMatchObject({ sinceMs: 21_600_000, sections: ['cluster-summary', 'node-risk'] });
  });

  it.each([
    {
      name: 'no format',
      args: { out: 'r.pdf' },
      message: /--format is required: one of html, pdf, csv, json/,
    },
    {
      name: 'a bad format',
      args: { format: 'docx', out: 'r.pdf' },
      message: /--format docx is not a report format/,
    },
    { name: 'no output', args: { format: 'pdf' }, message: /--out FILE is required/ },
    {
      name: 'an output folder that does not exist',
      args: { format: 'pdf', out: 'nowhere/r.pdf' },
      message: /the folder .*nowhere does not exist/,
    },
    {
      name: 'an output that is a directory',
      args: { format: 'pdf', out: 'existing-dir' },
      message: /is a directory/,
    },
    {
      name: 'a bad duration',
      args: { format: 'pdf', out: 'r.pdf', since: 'yesterday' },
      message: /--since: "yesterday" is not a duration/,
    },
    {
      name: 'a too long period',
      args: { format: 'pdf', out: 'r.pdf', since: '90d' },
      message: /--since: "90d" is too long/,
    },
    {
      name: 'an unknown section',
      args: { format: 'pdf', out: 'r.pdf', sections: 'cluster-summary,gossip' },
      message: /unknown section "gossip". Sections: cluster-summary, node-risk/,
    },
    {
      name: 'an empty section list',
      args: { format: 'pdf', out: 'r.pdf', sections: ' , ' },
      message: /no section named/,
    },
    ...(isRoot
      ? []
      : [
          {
            name: 'a read-only folder',
            args: { format: 'pdf', out: 'read-only/r.pdf' },
            message: /is not writable/,
          },
        ]),
  ])('refuses $name', ({ args, message }) => {
    expect(() => parseReportOptions(args, cwd)).toThrowError(message);
  });
});

describe('foresight report', () => {
  it.each([
    { args: ['report', '--out', 'r.pdf'], message: /--format is required/ },
    { args: ['report', '--format', 'odt', '--out', 'r.pdf'], message: /not a report format/ },
    { args: ['report', '--format', 'pdf', '--out', 'r.pdf', '--since', '24'], message: /not a duration/ },
  ])('exits 2 before starting anything, with the message and the usage: $args', async ({ args, message }) => {
    const err: string[] = [];
    const io: CommandOutput = {
      result: () => undefined,
      info: (l) => err.push(l),
      error: (l) => err.push(l),
    };
    expect(await main(args, io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).toContain('report         Export a report');
  });

  it('refuses to guess a cluster: no kubeconfig and no --demo is an error', async () => {
    const err: string[] = [];
    const io: CommandOutput = {
      result: () => undefined,
      info: (l) => err.push(l),
      error: (l) => err.push(l),
    };
    const saved = { KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME };
    process.env.KUBECONFIG = join(cwd, 'missing-kubeconfig');
    try {
      expect(await main(['report', '--format', 'pdf', '--out', join(cwd, 'r.pdf')], io)).toBe(1);
    } finally {
      process.env.KUBECONFIG = saved.KUBECONFIG;
    }
    expect(err.join('\n')).toMatch(/No kubeconfig found.*--demo/);
  });
});

import { describe, expect, it } from 'vitest';
import { hashFor, nodeFromHash, nodeHash, sectionFromHash, sections } from './sections.ts';

describe('sectionFromHash', () => {
  it.each([
    ['', 'overview'],
    ['#', 'overview'],
    ['#/nodes', 'nodes'],
    ['#nodes', 'nodes'],
    ['#/settings/extra', 'settings'],
    ['#/nodes?x=1', 'nodes'],
    ['#/nowhere', 'overview'],
  ])('%s → %s', (hash, section) => {
    expect(sectionFromHash(hash)).toBe(section);
  });

  it('round-trips every section through its hash', () => {
    for (const section of sections) expect(sectionFromHash(hashFor(section.id))).toBe(section.id);
  });

  it('lists the product sections in nav order', () => {
    expect(sections.map((s) => s.label)).toEqual([
      'Overview',
      'Nodes',
      'Risk',
      'Placement',
      'Scaling',
      'Actions',
      'Model',
      'Reports',
      'Settings',
    ]);
  });
});

describe("a node's page in the hash", () => {
  it.each([
    ['#/risk/node-03', 'node-03'],
    ['#risk/node-03', 'node-03'],
    ['#/risk/ip-10-0-1-7.ec2.internal?x=1', 'ip-10-0-1-7.ec2.internal'],
    ['#/risk', undefined],
    ['#/risk/', undefined],
    ['#/nodes/node-03', undefined],
    ['#/risk/%E0%A4%A', undefined],
  ])('%s → %s', (hash, node) => {
    expect(nodeFromHash(hash)).toBe(node);
  });

  it('round-trips a node name, odd characters included, and stays on the Risk section', () => {
    for (const node of ['node-03', 'gke-pool a/1', 'ünïcode']) {
      expect(nodeFromHash(nodeHash(node))).toBe(node);
      expect(sectionFromHash(nodeHash(node))).toBe('risk');
    }
  });
});

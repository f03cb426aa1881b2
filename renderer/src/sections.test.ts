import { describe, expect, it } from 'vitest';
import { hashFor, sectionFromHash, sections } from './sections.ts';

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

/** The product's sections, in nav order; the id is also the URL hash (`#/nodes`). */
export const sections = [
  { id: 'overview', label: 'Overview' },
  { id: 'nodes', label: 'Nodes' },
  { id: 'risk', label: 'Risk' },
  { id: 'placement', label: 'Placement' },
  { id: 'scaling', label: 'Scaling' },
  { id: 'actions', label: 'Actions' },
  { id: 'model', label: 'Model' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const;

export type SectionId = (typeof sections)[number]['id'];

export const defaultSection: SectionId = 'overview';

export function isSectionId(value: string): value is SectionId {
  return sections.some((section) => section.id === value);
}

/** Hash routing, because the Electron build loads from file:// where paths cannot route. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isSectionId(id) ? id : defaultSection;
}

export function hashFor(section: SectionId): string {
  return `#/${section}`;
}

/** A node's page on the Risk section (`#/risk/node-03`), so reload, back and a shared link keep it. */
export function nodeHash(node: string): string {
  return `${hashFor('risk')}/${encodeURIComponent(node)}`;
}

/** The node a `#/risk/<node>` hash opens; undefined for any other hash. */
export function nodeFromHash(hash: string): string | undefined {
  const match = /^#\/?risk\/([^/?]+)/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

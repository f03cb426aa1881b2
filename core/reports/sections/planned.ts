import type { PlannedSection } from './types.ts';

/**
 * Sections whose features have not landed yet. The Reports page lists them, disabled, with
 * "available when <feature> lands"; a feature moves its entry into the registry when it does.
 */
export const plannedSections: readonly PlannedSection[] = [
  {
    id: 'placement',
    title: 'Placement advice',
    description: 'Where each pending pod should go, and why.',
    feature: 'placement advice',
  },
];

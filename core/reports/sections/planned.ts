import type { PlannedSection } from './types.ts';

/**
 * Sections whose features have not landed yet. The Reports page lists them, disabled, with
 * "available when <feature> lands"; a feature moves its entry into the registry when it does.
 * Every section of the contract has landed; a new section id starts here.
 */
export const plannedSections: readonly PlannedSection[] = [];

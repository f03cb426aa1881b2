/**
 * Placement advice (issue 6): the requests and pushed events of this capability. methods.ts and events.ts spread
 * these tables into the contract, so the capability's schemas live in one file of their own.
 */
export const placementMethods = {} as const;

export const placementEvents = {} as const;

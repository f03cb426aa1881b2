/**
 * Scaling advice (issue 8): the requests and pushed events of this capability. methods.ts and events.ts spread
 * these tables into the contract, so the capability's schemas live in one file of their own.
 */
export const scalingMethods = {} as const;

export const scalingEvents = {} as const;

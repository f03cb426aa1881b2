/**
 * Node risk and early warning (issue 5): the requests and pushed events of this capability. methods.ts and events.ts spread
 * these tables into the contract, so the capability's schemas live in one file of their own.
 */
export const riskMethods = {} as const;

export const riskEvents = {} as const;

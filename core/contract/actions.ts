/**
 * One-click actions, audit and autopilot (issue 7): the requests and pushed events of this capability. methods.ts and events.ts spread
 * these tables into the contract, so the capability's schemas live in one file of their own.
 */
export const actionsMethods = {} as const;

export const actionsEvents = {} as const;

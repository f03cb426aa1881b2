export { ApiError, describeFailure } from './apiError.ts';
export { createApiClient, type ApiClient } from './client.ts';
export { createTransport } from './createTransport.ts';
export type { HostLink, HostLinkState, HostTransport } from './hostLink.ts';

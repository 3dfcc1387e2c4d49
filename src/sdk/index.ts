export { createEntraideClient, type EntraideClient, type ThreadListQuery } from './client.ts';
export { EntraideError, isEntraideError, type ClientErrorCode } from './errors.ts';
export type { ClientOptions, RequestOptions } from './http.ts';
export type { EventFilter, EventHandler } from './events.ts';
export type * from '../contract/models.ts';
export type { ErrorCode, ErrorBody } from '../contract/errors.ts';

export { createEntraideClient, type EntraideClient, type ThreadListQuery } from './client.ts';
export { EntraideError, isEntraideError, type ClientErrorCode } from './errors.ts';
export type { ClientOptions, RequestOptions, RetryOptions } from './http.ts';
export type { ConnectionState, EventFilter, EventHandler, SubscribeOptions } from './events.ts';
export type * from './types.ts';
export type { ErrorCode, ErrorBody } from '../contract/errors.ts';

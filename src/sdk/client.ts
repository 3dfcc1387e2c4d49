import type { ClientOptions } from './http.ts';
import { createReaderClient, type ReaderClient } from './reader.ts';
import { installStaffResources, type StaffResources } from './staff.ts';

export type { ThreadListQuery } from './resources/threads.ts';
export { createReaderClient, type ReaderClient } from './reader.ts';

/** Builds the typed client every element and custom page talks to the API with: every resource. */
export function createEntraideClient(options: ClientOptions) {
  return installStaffResources(createReaderClient(options));
}

export type EntraideClient = ReaderClient & StaffResources;

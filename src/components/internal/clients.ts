/**
 * The client the elements share. A reader's page gets the reader half of the SDK only; the
 * first chunk that needs staff resources (composer, post actions, advisor workspace) installs
 * them onto every client made here — the same objects, so context consumers see them.
 */
import type { ClientOptions } from '../../sdk/http.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { createReaderClient, type ReaderClient } from '../../sdk/reader.ts';

type Installer = (client: ReaderClient) => unknown;

let installer: Installer | undefined;
const waiting = new Set<ReaderClient>();

/** Typed as the whole client: the staff namespaces are there once a chunk that calls them has loaded. */
export function createElementClient(options: ClientOptions): EntraideClient {
  const client = createReaderClient(options);
  if (installer) installer(client);
  else waiting.add(client);
  return client as EntraideClient;
}

/** Called once by ./staff-client.ts, which chunks import; later calls change nothing. */
export function enableStaffResources(install: Installer): void {
  if (installer) return;
  installer = install;
  for (const client of waiting) install(client);
  waiting.clear();
}

/**
 * The client the elements share. A reader's page gets the reader half of the SDK only; the
 * first chunk that needs more (the incident banner and search: reading resources; composer,
 * post actions, advisor workspace: staff resources) installs them onto every client made here —
 * the same objects, so context consumers see them.
 */
import type { ClientOptions } from '../../sdk/http.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { createReaderClient, type ReaderClient } from '../../sdk/reader.ts';

type Installer = (client: ReaderClient) => unknown;

const installers = new Set<Installer>();
const clients = new Set<ReaderClient>();

/** Typed as the whole client: the other namespaces are there once a chunk that calls them has loaded. */
export function createElementClient(options: ClientOptions): EntraideClient {
  const client = createReaderClient(options);
  for (const install of installers) install(client);
  clients.add(client);
  return client as EntraideClient;
}

/** Called by ./reading-client.ts and ./staff-client.ts, which chunks import: every client, made before or after, gets the resources. */
export function enableResources(install: Installer): void {
  if (installers.has(install)) return;
  installers.add(install);
  for (const client of clients) install(client);
}

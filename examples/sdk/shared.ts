/**
 * What every SDK example shares: the API's address (`ENTRAIDE_URL`, default the demo server
 * of `npm start`), signing in through the demo sign-in (demo mode only; a real site gets its
 * member's token from its own back end), and a runner that prints SDK errors readably.
 */
import { createEntraideClient, EntraideError, type Author, type EntraideClient } from '../../src/sdk/index.ts';

export const baseUrl = process.env.ENTRAIDE_URL ?? 'http://localhost:4173/api';

/** A client for guests: reads only. */
export const guest = createEntraideClient({ baseUrl });

export interface SignedIn {
  client: EntraideClient;
  member: Author;
}

/** Signs in as the `nth` demo member with `role` (members come highest rank first). */
export async function signIn(role: Author['role'], nth = 0): Promise<SignedIn> {
  const { items } = await guest.demo.members();
  const member = items.filter((candidate) => candidate.role === role)[nth];
  if (!member) throw new Error(`The demo has no ${role} number ${nth + 1}.`);
  const { token } = await guest.demo.signIn(member.id);
  return { client: createEntraideClient({ baseUrl, token }), member };
}

/** The first category that has threads, and its most active thread. */
export async function firstThread(client: EntraideClient = guest) {
  for (const category of await client.categories.list()) {
    const { items } = await client.threads.list({ categoryId: category.id, limit: 1 });
    if (items[0]) return { category, thread: items[0] };
  }
  throw new Error('The forum has no thread yet.');
}

/** Runs an example; an `EntraideError` is printed with its code and status, and exits with 1. */
export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof EntraideError)) throw error;
    console.error(`${error.code} (HTTP ${error.status}) on ${error.request}: ${error.message}`);
    process.exitCode = 1;
  }
}

/** A suffix that keeps titles and slugs of repeated runs apart. */
export const stamp = () => new Date().toISOString().slice(11, 19).replaceAll(':', '');

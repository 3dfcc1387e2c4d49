/**
 * `createMockForum()`: the demo community behind msw, answered by the server's own domain code.
 * The database opens once per page (or Node process) from the pre-built dump and is put back
 * as loaded each time a new mock forum is created, so every test starts from the same community.
 */
import type { Role } from '../core/index.ts';
import { openDemoDatabase, DEMO_DATA_URL, type DemoDatabase } from './demo-data/database.ts';
import { createForumMocks, type ForumMocks, type ForumMocksOptions } from './domain/forum.ts';

export interface MockForumOptions extends Omit<ForumMocksOptions, 'db'> {
  /** The data directory to start from: the built demo community by default. */
  data?: URL | Blob;
}

/** A member of the mock community, with the bearer token that signs them in. */
export interface MockMember {
  id: number;
  pseudonym: string;
  role: Role;
  token: string;
}

export interface MockForum extends ForumMocks {
  /** A member by pseudonym (`'Kali29'`, `'Julie-Volta'`…); throws when the community has none. */
  member(pseudonym: string): Promise<MockMember>;
}

let opened: { source: URL | Blob; db: Promise<DemoDatabase> } | undefined;
let current: ForumMocks | undefined;

async function sharedDatabase(source: URL | Blob): Promise<DemoDatabase> {
  const same = opened && (opened.source === source || (source instanceof URL && opened.source instanceof URL && source.href === opened.source.href));
  if (!same) {
    const previous = opened?.db;
    opened = { source, db: openDemoDatabase(source) };
    await previous?.then((db) => db.close(), () => undefined);
  }
  return opened!.db;
}

export async function createMockForum(options: MockForumOptions = {}): Promise<MockForum> {
  const db = await sharedDatabase(options.data ?? DEMO_DATA_URL);
  // One forum at a time owns the database: the previous one stops its live hub first.
  await current?.close();
  await db.reset();
  const mocks = await createForumMocks({ ...options, db });
  current = mocks;
  return {
    ...mocks,
    async member(pseudonym) {
      const [found] = await db.query<Omit<MockMember, 'token'>>('select id, pseudonym, role from members where lower(pseudonym) = lower($1)', [pseudonym]);
      if (!found) throw new Error(`entraide mocks: no member called ${pseudonym} in the mock community.`);
      return { ...found, token: mocks.tokenFor(found.id) };
    },
  };
}

/**
 * Stops the current mock forum and closes the shared database: call it once after a Node test
 * run (an open PGlite keeps the process alive). The next `createMockForum()` opens it again.
 */
export async function closeMockForums(): Promise<void> {
  await current?.close();
  current = undefined;
  const db = opened?.db;
  opened = undefined;
  await db?.then((database) => database.close());
}

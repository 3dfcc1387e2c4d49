/**
 * The mocks' demo database in Node, as a user's `setupServer` test meets it: opened from the
 * built dump, moved to the present, and put back exactly as loaded between tests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { openDemoDatabase, type DemoDatabase } from '../../../src/mocks/demo-data/database.ts';
import { closeMockForums, createMockForum, DEMO_PEOPLE } from '../../../src/mocks/index.ts';
import { createEntraideClient } from '../../../src/sdk/index.ts';

/** Every row of the tables a test touches, as text: equal before and after means put back exactly. */
async function state(db: DemoDatabase): Promise<string> {
  const tables = ['threads', 'posts', 'kudos', 'categories', 'members'];
  const rows = await Promise.all(tables.map((table) => db.query(`select * from ${table} order by 1, 2`)));
  return JSON.stringify(rows);
}

describe('the demo database', () => {
  let db: DemoDatabase;
  before(async () => {
    db = await openDemoDatabase();
  });
  after(() => db.close());

  it('moves the demo to the present: its latest post is minutes old, not months', async () => {
    const [latest] = await db.query<{ at: Date }>('select max(created_at) as at from posts');
    const age = Date.now() - latest!.at.getTime();
    assert.ok(age >= 0 && age < 24 * 3_600_000, `latest post ${age} ms old`);
  });

  it('puts back updated, inserted and deleted rows, cascades and identities included', async () => {
    const loaded = await state(db);
    const [thread] = await db.query<{ id: number }>('select id from threads order by id limit 1');
    await db.query("update posts set body_md = 'changed' where thread_id = $1", [thread!.id]);
    await db.query('delete from kudos where post_id in (select id from posts where thread_id = $1)', [thread!.id]);
    const [inserted] = await db.query<{ id: number }>(
      "insert into posts (thread_id, author_id, body_md, body_html) select thread_id, author_id, 'new', '<p>new</p>' from posts where thread_id = $1 limit 1 returning id",
      [thread!.id],
    );
    await db.transaction((tx) => tx.query("update categories set name = '{\"fr\": \"x\", \"en\": \"x\"}'"));
    assert.notEqual(await state(db), loaded);

    await db.reset();

    assert.equal(await state(db), loaded);
    const [again] = await db.query<{ id: number }>(
      "insert into posts (thread_id, author_id, body_md, body_html) select thread_id, author_id, 'new', '<p>new</p>' from posts where thread_id = $1 limit 1 returning id",
      [thread!.id],
    );
    assert.equal(again!.id, inserted!.id, 'the identity restarts where the dump left it');
    await db.reset();
  });
});

describe('createMockForum() with msw in Node', () => {
  after(() => closeMockForums());

  it('answers a user’s SDK through setupServer, signed in by member', async () => {
    const started = performance.now();
    const forum = await createMockForum({ baseUrl: 'http://forum.test/api' });
    const server = setupServer(...forum.handlers);
    server.listen();
    const ready = performance.now() - started;
    try {
      const expert = await forum.member(DEMO_PEOPLE.topHelper);
      const client = createEntraideClient({ baseUrl: 'http://forum.test/api', token: expert.token });
      const { member } = await client.session.get();
      assert.equal(member?.pseudonym, DEMO_PEOPLE.topHelper);
      console.log(`createMockForum + setupServer ready in ${Math.round(ready)} ms (cold, database included)`);
    } finally {
      server.close();
      await forum.close();
    }
  });

  it('works with its defaults in Node: its baseUrl is absolute, and the SDK given it reads the forum', async () => {
    const forum = await createMockForum();
    const server = setupServer(...forum.handlers);
    server.listen();
    try {
      assert.equal(forum.baseUrl, 'http://localhost/api');
      const categories = await createEntraideClient({ baseUrl: forum.baseUrl }).categories.list();
      assert.ok(categories.length > 0);
    } finally {
      server.close();
      await forum.close();
    }
  });
});

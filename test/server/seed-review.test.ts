import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/domain/database.ts';
import { seedDemoCommunity } from '../../src/domain/seed/index.ts';
import { migratedPglite } from '../helpers/template.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let db: Database;

before(async () => {
  db = await migratedPglite();
  await seedDemoCommunity(db, { now: NOW });
});
after(() => db.close());

describe('demo seed: colleague review', { timeout: 600_000 }, () => {
  it('has one draft by an advisor, shared with a colleague who commented, citing a member’s answer of its thread', async () => {
    const drafts = await db.query<{ id: number; thread_id: number; cited_post_ids: number[]; author_role: string; posted_at: Date | null }>(
      `select d.id, d.thread_id, d.cited_post_ids, m.role as author_role, d.posted_at from review_drafts d join members m on m.id = d.author_id`,
    );
    assert.equal(drafts.length, 1);
    const [draft] = drafts;
    assert.equal(draft!.author_role, 'advisor');
    assert.equal(draft!.posted_at, null);
    const [share] = await db.query<{ role: string; colleague_id: number }>(
      'select m.role, s.colleague_id from review_draft_shares s join members m on m.id = s.colleague_id where s.draft_id = $1',
      [draft!.id],
    );
    assert.equal(share?.role, 'advisor');
    const [comment] = await db.query<{ author_id: number }>('select author_id from review_draft_comments where draft_id = $1', [draft!.id]);
    assert.equal(comment?.author_id, share?.colleague_id);
    const [cited] = await db.query<{ thread_id: number; kind: string; role: string }>(
      'select p.thread_id, p.kind, m.role from posts p join members m on m.id = p.author_id where p.id = $1',
      [draft!.cited_post_ids[0]],
    );
    assert.deepEqual(cited, { thread_id: draft!.thread_id, kind: 'reply', role: 'member' });
  });
});

/** The demo seed's workspace: both advisors have a weekly plan, the Example thread a staff note. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/domain/database.ts';
import { loadCommunity, type CommunityContext } from '../../src/domain/repo/community.ts';
import { getThread } from '../../src/domain/repo/threads.ts';
import { seedDemoCommunity, type SeedSummary } from '../../src/domain/seed/index.ts';
import { EXAMPLE_STAFF_NOTE } from '../../src/domain/seed/workspace.ts';
import { getTeamNow, threadStaffNotes } from '../../src/domain/services/workspace.ts';
import { migratedPglite } from '../helpers/template.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let db: Database;
let community: CommunityContext;
let summary: SeedSummary;

before(async () => {
  db = await migratedPglite();
  summary = await seedDemoCommunity(db, { now: NOW });
  community = (await loadCommunity(db))!;
});
after(() => db.close());

const memberId = async (pseudonym: string) => (await db.query<{ id: number }>('select id from members where pseudonym = $1', [pseudonym]))[0]!.id;
const categoryId = async (slug: string) => (await db.query<{ id: number }>('select id from categories where slug = $1', [slug]))[0]!.id;

describe('demo workspace seed', { timeout: 600_000 }, () => {
  it('puts each advisor on their team’s categories on a Monday morning in Paris', async () => {
    const julie = await memberId('Julie-Volta');
    const karim = await memberId('Karim-Volta');
    // Monday 2 March 2026, 11:00 in Paris (winter time).
    const now = await getTeamNow({ db, community }, { actor: { role: 'advisor', memberId: julie }, at: NOW });
    const onDuty = (id: number) => now.categories.find((row) => row.categoryId === id)?.advisors.map((advisor) => advisor.id);
    assert.deepEqual(onDuty(await categoryId('activation-forfait')), [julie]);
    assert.deepEqual(onDuty(await categoryId('reseau')), [karim]);
    assert.deepEqual(onDuty(await categoryId('portabilite')), []);
    assert.deepEqual(now.myCategoryIds, [await categoryId('activation-forfait'), await categoryId('facturation')].sort((a, b) => a - b));
  });

  it('leaves one staff note on the Example thread, out of its public read', async () => {
    const threadId = summary.examples.changePlanThreadId!;
    const notes = await threadStaffNotes({ db, community }, { actor: { role: 'advisor', memberId: await memberId('Julie-Volta') }, threadId });
    assert.equal(notes.items.length, 1);
    assert.equal(notes.items[0]!.author.pseudonym, 'Julie-Volta');
    assert.ok(Date.parse(notes.items[0]!.createdAt) <= NOW.getTime());
    const publicRead = JSON.stringify(await getThread(db, community, threadId));
    assert.ok(!publicRead.includes(EXAMPLE_STAFF_NOTE.slice(0, 40)));
  });
});

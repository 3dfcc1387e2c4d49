import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeRank, daysBetween, ladderProblems, type RankLadder } from '../../src/core/ranks.ts';
import { openDatabase, type Database } from '../../src/server/db/open.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/domain/pglite.ts';
import { seedDemoCommunity, type SeedSummary } from '../../src/domain/seed/index.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const MINUTE = 60_000;

let template: Blob | File | undefined;

/** An empty, migrated in-memory database; later ones are clones of the first (faster than a new one). */
async function freshDatabase(): Promise<Database> {
  if (template) return openDatabase({ loadDataDir: template });
  const db = await openPglite({});
  await migrate(db);
  template = await db.dump();
  return db;
}

const rows = <Row>(db: Database, sql: string, params: unknown[] = []) => db.query<Row>(sql, params);
const one = async <Row>(db: Database, sql: string, params: unknown[] = []): Promise<Row> => {
  const [row] = await rows<Row>(db, sql, params);
  assert.ok(row, `no row for ${sql}`);
  return row;
};

interface MemberRow {
  id: number;
  pseudonym: string;
  role: string;
  team: string | null;
  joined_at: Date;
  post_count: number;
  accepted_count: number;
  kudos_received: number;
}

describe('seedDemoCommunity', { timeout: 600_000 }, () => {
  let db: Database;
  let summary: SeedSummary;
  const progress: [number, number, string][] = [];

  before(async () => {
    db = await freshDatabase();
    summary = await seedDemoCommunity(db, { now: NOW, onProgress: (done, total, label) => progress.push([done, total, label]) });
  });
  after(() => db.close());

  it('writes the Volta Mobile community, reporting progress', async () => {
    const community = await one<{ name: string; locale: string; rank_ladder: RankLadder; advisor_signature: string }>(
      db, 'select name, locale, rank_ladder, advisor_signature from communities where slug = $1', ['volta'],
    );
    assert.equal(community.name, 'Volta Mobile');
    assert.equal(community.locale, 'fr');
    assert.equal(community.rank_ladder.steps.length, 15);
    assert.deepEqual(ladderProblems(community.rank_ladder), []);
    assert.equal(community.rank_ladder.steps[0]?.name, 'Voltien');
    assert.equal(community.rank_ladder.steps[14]?.name, 'Super Voltien');
    assert.match(community.advisor_signature, /message privé/);
    const last = progress.at(-1);
    assert.ok(last && last[0] === last[1], 'progress ends at its total');
  });

  it('has the expected size', async () => {
    assert.equal(summary.created, true);
    assert.ok(summary.categories >= 7 && summary.categories <= 10, `${summary.categories} categories`);
    assert.ok(summary.members >= 100, `${summary.members} members`);
    assert.ok(summary.threads >= 200, `${summary.threads} threads`);
    assert.ok(summary.posts >= 1500, `${summary.posts} posts`);
    const counted = await one<{ threads: number; posts: number }>(
      db, 'select (select count(*)::int from threads) as threads, (select count(*)::int from posts) as posts',
    );
    assert.deepEqual(counted, { threads: summary.threads, posts: summary.posts });
  });

  it('has one technical and one commercial advisor', async () => {
    const advisors = await rows<{ team: string }>(db, "select team from members where role = 'advisor' order by team");
    assert.deepEqual(advisors.map((advisor) => advisor.team), ['commercial', 'technical']);
  });

  it('puts members on every level of the ladder, from their counters and seniority', async () => {
    const { rank_ladder: ladder } = await one<{ rank_ladder: RankLadder }>(db, 'select rank_ladder from communities');
    const members = await rows<MemberRow>(db, 'select * from members');
    const levels = new Set(
      members.map((member) =>
        computeRank(
          {
            posts: member.post_count,
            acceptedAnswers: member.accepted_count,
            kudosReceived: member.kudos_received,
            daysSinceJoining: daysBetween(member.joined_at, NOW),
          },
          ladder,
        ).level,
      ),
    );
    assert.deepEqual([...levels].sort((a, b) => a - b), Array.from({ length: 15 }, (_, index) => index + 1));
  });

  it('keeps member counters consistent with the rows written', async () => {
    const behind = await rows<{ pseudonym: string }>(
      db,
      `select m.pseudonym from members m
       left join (select author_id, count(*)::int as n, sum(kudos_count)::int as kudos from posts group by author_id) p on p.author_id = m.id
       left join (select p.author_id, count(*)::int as n from threads t join posts p on p.id = t.accepted_post_id group by p.author_id) a
         on a.author_id = m.id
       where m.post_count < coalesce(p.n, 0) or m.kudos_received < coalesce(p.kudos, 0) or m.accepted_count < coalesce(a.n, 0)`,
    );
    assert.deepEqual(behind, []);
  });

  it('keeps thread and category counters equal to the rows', async () => {
    const threads = await rows<{ id: number }>(
      db,
      `select t.id from threads t join (select thread_id, count(*)::int as n, max(created_at) as last from posts group by thread_id) p
         on p.thread_id = t.id
       where t.reply_count <> p.n - 1 or t.last_post_at <> p.last
          or (t.status = 'open') <> (p.n = 1) or (t.status = 'solved') <> (t.accepted_post_id is not null)`,
    );
    assert.deepEqual(threads, []);
    const categories = await rows<{ slug: string }>(
      db,
      `select c.slug from categories c
       left join (select t.category_id, count(distinct t.id)::int as threads, count(p.id)::int as posts, max(p.created_at) as last
                  from threads t join posts p on p.thread_id = t.id group by t.category_id) s on s.category_id = c.id
       where c.thread_count <> coalesce(s.threads, 0) or c.post_count <> coalesce(s.posts, 0)
          or c.last_post_at is distinct from s.last`,
    );
    assert.deepEqual(categories, []);
  });

  it('accepts only community replies of the same thread', async () => {
    const solved = await rows<{ same_thread: boolean; kind: string; role: string; by_asker: boolean }>(
      db,
      `select p.thread_id = t.id as same_thread, p.kind, m.role, p.author_id = t.author_id as by_asker
       from threads t join posts p on p.id = t.accepted_post_id join members m on m.id = p.author_id`,
    );
    assert.ok(solved.length >= 20, `${solved.length} solved threads`);
    for (const row of solved) assert.deepEqual(row, { same_thread: true, kind: 'reply', role: row.role === 'moderator' ? 'moderator' : 'member', by_asker: false });
  });

  it('mixes French and English, with most answers from the community', async () => {
    const { english, total } = await one<{ english: number; total: number }>(
      db, "select count(*) filter (where locale = 'en')::int as english, count(*)::int as total from threads",
    );
    assert.ok(english / total > 0.15 && english / total < 0.45, `${english}/${total} English threads`);
    const { advisor, replies } = await one<{ advisor: number; replies: number }>(
      db,
      `select count(*) filter (where m.role = 'advisor')::int as advisor, count(*)::int as replies
       from posts p join members m on m.id = p.author_id where p.kind <> 'question'`,
    );
    const share = advisor / replies;
    assert.ok(share > 0.05 && share < 0.2, `advisors wrote ${(share * 100).toFixed(1)} % of the replies`);
  });

  it('stores sanitized HTML rendered from markdown, with FAQ links', async () => {
    const { faq, bold, unsafe } = await one<{ faq: number; bold: number; unsafe: number }>(
      db,
      `select count(*) filter (where body_html like '%href="https://volta.example/faq/%')::int as faq,
              count(*) filter (where body_html like '%<strong>%')::int as bold,
              count(*) filter (where body_html ~* '<script|onerror=|javascript:')::int as unsafe
       from posts`,
    );
    assert.ok(faq > 50, `${faq} posts link the FAQ`);
    assert.ok(bold > 100, `${bold} posts use bold`);
    assert.equal(unsafe, 0);
  });

  describe("the study's examples 1 and 2", () => {
    interface PostRow extends MemberRow {
      body_md: string;
      created_at: Date;
      kind: string;
    }
    let posts: PostRow[];
    before(async () => {
      assert.ok(summary.examples.changePlanThreadId);
      posts = await rows<PostRow>(
        db,
        `select m.*, p.body_md, p.created_at, p.kind from posts p join members m on m.id = p.author_id
         where p.thread_id = $1 order by p.created_at, p.id`,
        [summary.examples.changePlanThreadId],
      );
    });

    it('has a beginner ask and a top member answer six minutes later', () => {
      const [question, first] = posts;
      assert.ok(question && first);
      assert.equal(question.kind, 'question');
      assert.equal(question.post_count, 3);
      assert.equal(daysBetween(question.joined_at, NOW) >= 88 && daysBetween(question.joined_at, NOW) <= 92, true);
      assert.equal(first.created_at.getTime() - question.created_at.getTime(), 6 * MINUTE);
      assert.ok(first.post_count >= 12_000 && first.post_count <= 12_800, `${first.post_count} posts`);
      assert.ok(daysBetween(first.joined_at, NOW) >= 270 && daysBetween(first.joined_at, NOW) <= 276);
    });

    it('has the commercial advisor confirm and credit both helpers after the holdback, with a FAQ link', async () => {
      const [question, first, second] = posts;
      const advisor = posts.find((post) => post.role === 'advisor');
      assert.ok(question && first && second && advisor);
      assert.equal(advisor.team, 'commercial');
      const { holdback_minutes: holdback } = await one<{ holdback_minutes: number }>(
        db, "select holdback_minutes from categories where slug = 'activation-forfait'",
      );
      assert.ok(advisor.created_at.getTime() - question.created_at.getTime() >= holdback * MINUTE);
      assert.ok(advisor.body_md.startsWith(`Bonjour à tous,\n\n@${question.pseudonym}\n`));
      assert.ok(advisor.body_md.includes(`Je confirme ce qu'ont dit @${first.pseudonym} et @${second.pseudonym}`));
      assert.ok(advisor.body_md.includes('(https://volta.example/faq/changer-de-forfait)'));
    });

    it('is the most recently active thread of its category', async () => {
      const { id } = await one<{ id: number }>(
        db,
        `select t.id from threads t join categories c on c.id = t.category_id
         where c.slug = 'activation-forfait' order by t.last_post_at desc, t.id desc limit 1`,
      );
      assert.equal(id, summary.examples.changePlanThreadId);
    });
  });

  it('writes the same community again for the same now', async () => {
    const other = await freshDatabase();
    try {
      await seedDemoCommunity(other, { now: NOW });
      const dump = (target: Database) =>
        rows(
          target,
          `select t.title, a.pseudonym as author, p.kind, p.body_md, p.kudos_count, p.created_at
           from posts p join threads t on t.id = p.thread_id join members a on a.id = p.author_id order by p.id`,
        );
      assert.deepEqual(await dump(other), await dump(db));
    } finally {
      await other.close();
    }
  });

  it('writes nothing when the community already exists', async () => {
    const again = await seedDemoCommunity(db, { now: new Date(NOW.getTime() + 86_400_000) });
    assert.deepEqual({ ...again, created: true }, summary);
    assert.equal(again.created, false);
    const { communities } = await one<{ communities: number }>(db, 'select count(*)::int as communities from communities');
    assert.equal(communities, 1);
  });
});

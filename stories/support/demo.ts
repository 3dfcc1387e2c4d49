/**
 * The demo community as stories need it: threads and categories chosen by what they show (by
 * SQL on the mock's database, never by id), and states no API offers, written in SQL.
 */
import { DEMO_PEOPLE, type MockForum } from '../../src/mocks/index.ts';
import type { StorySetupContext } from './mock-api.ts';

/** Threads of the demo community by what they show. */
export interface DemoThreads {
  /** The study's Example 1 and 2: Theo56 (the demo's only question of his) asks to change plan, members answer, an advisor confirms and credits them. */
  example: number;
  /** Solved in French: a member's answer accepted, then confirmed by an advisor who cites it. */
  solved: number;
  /** English, answered by a member (not yet solved). */
  english: number;
  /** A billing question where an advisor left a public trace of a private exchange. */
  trace: number;
  /** An open French question nobody has answered yet. */
  unanswered: number;
  /** A closed French thread. */
  closed: number;
  /** The demo's longest thread. */
  long: number;
  /** The unsolved thread most members said they have the same problem on. */
  sameProblem: number;
}

export type DemoThreadName = keyof DemoThreads;

export interface DemoPicks {
  threads: DemoThreads;
  /** Who asked each of those threads (pseudonym): to sign in as the asker. */
  askers: Record<DemoThreadName, string>;
  /** Category ids by slug (`assistance-technique`, `facturation`, `reseau`, `activation-forfait`…), read after the story's setup. */
  categories: Record<string, number>;
  /** The month (`YYYY-MM`) with the most advisor replies, for the quality review. */
  busiestAdvisorMonth: string;
}

export const DEMO_THREAD_NAMES: DemoThreadName[] = ['example', 'solved', 'english', 'trace', 'unanswered', 'closed', 'long', 'sameProblem'];

const THREAD_QUERIES: Record<DemoThreadName, [string, unknown[]]> = {
  example: [
    `select t.id from threads t join members m on m.id = t.author_id join categories c on c.id = t.category_id
      where m.external_id = 'demo:theo56' and c.slug = 'activation-forfait' order by t.id limit 1`,
    [],
  ],
  solved: [
    `select t.id from threads t join posts a on a.id = t.accepted_post_id join members am on am.id = a.author_id
      where t.status = 'solved' and t.locale = 'fr' and am.role = 'member'
        and exists (select 1 from posts p join members pm on pm.id = p.author_id join post_citations c on c.post_id = p.id
                     where p.thread_id = t.id and pm.role = 'advisor' and c.cited_post_id = a.id)
      order by t.id limit 1`,
    [],
  ],
  english: [
    `select t.id from threads t where t.locale = 'en' and t.status = 'answered'
        and (select m.role from posts p join members m on m.id = p.author_id where p.thread_id = t.id and p.kind = 'reply' order by p.created_at, p.id limit 1) = 'member'
      order by t.id limit 1`,
    [],
  ],
  trace: [
    `select t.id from threads t join categories c on c.id = t.category_id
      where c.slug = 'facturation' and t.status in ('open', 'answered') and exists (select 1 from posts p where p.thread_id = t.id and p.kind = 'trace')
      order by t.id limit 1`,
    [],
  ],
  unanswered: [`select id from threads where status = 'open' and locale = 'fr' and reply_count = 0 order by id limit 1`, []],
  closed: [`select id from threads where status = 'closed' and locale = 'fr' order by id limit 1`, []],
  long: [`select thread_id as id from posts group by thread_id order by count(*) desc, thread_id limit 1`, []],
  sameProblem: [`select id from threads where status in ('open', 'answered') and locale = 'fr' order by same_problem_count desc, id limit 1`, []],
};

let cached: Promise<Omit<DemoPicks, 'categories'>> | undefined;

async function pickThreads(forum: MockForum): Promise<Omit<DemoPicks, 'categories'>> {
  const threads = {} as DemoThreads;
  for (const name of DEMO_THREAD_NAMES) {
    const [sql, params] = THREAD_QUERIES[name];
    const [row] = await forum.db.query<{ id: number }>(sql, params);
    if (!row) throw new Error(`stories: the demo community has no "${name}" thread`);
    threads[name] = row.id;
  }
  const rows = await forum.db.query<{ id: number; pseudonym: string }>(
    'select t.id, m.pseudonym from threads t join members m on m.id = t.author_id where t.id = any($1)',
    [Object.values(threads)],
  );
  const askers = Object.fromEntries(DEMO_THREAD_NAMES.map((name) => [name, rows.find((row) => row.id === threads[name])!.pseudonym])) as Record<DemoThreadName, string>;
  const [month] = await forum.db.query<{ month: string }>(
    `select to_char(p.created_at at time zone 'UTC', 'YYYY-MM') as month from posts p join members m on m.id = p.author_id
      where m.role = 'advisor' and p.kind = 'reply' group by 1 order by count(*) desc, 1 desc limit 1`,
  );
  return { threads, askers, busiestAdvisorMonth: month?.month ?? new Date().toISOString().slice(0, 7) };
}

/** The picks: the threads once per page (the demo data is the same at every story), the categories each time. */
export async function demoPicks(forum: MockForum): Promise<DemoPicks> {
  cached ??= pickThreads(forum);
  const picks = await cached.catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return { ...picks, categories: await categoriesOf(forum) };
}

export async function categoriesOf(forum: MockForum): Promise<Record<string, number>> {
  const rows = await forum.db.query<{ id: number; slug: string }>('select id, slug from categories order by id');
  return Object.fromEntries(rows.map((row) => [row.slug, row.id]));
}

/** Adds `replies` replies to a thread from its busiest helpers taking turns, one every seven minutes up to now. */
export async function addReplies(forum: MockForum, threadId: number, replies: number): Promise<void> {
  await forum.db.query(
    `with helpers as (
       select m.id, row_number() over (order by m.post_count desc, m.id) - 1 as turn from members m where m.role = 'member' order by m.post_count desc limit 4
     ), numbered as (
       select n, format('Réponse n° %s : même chose chez moi depuis la mise à jour, **redémarrage** vers %s h.', n, 8 + n % 12) as body from generate_series(1, $2::int) n
     )
     insert into posts (thread_id, author_id, kind, body_md, body_html, created_at)
     select $1, h.id, 'reply', x.body, '<p>' || replace(x.body, '**redémarrage**', '<strong>redémarrage</strong>') || '</p>',
            now() - (($2::int - x.n) * interval '7 minutes')
       from numbered x join helpers h on h.turn = x.n % 4`,
    [threadId, replies],
  );
  await forum.db.query(
    `update threads set reply_count = (select count(*) - 1 from posts where thread_id = $1), last_post_at = now() where id = $1`,
    [threadId],
  );
}

/** A category nobody has posted in yet (slug `nouveautes`); returns its id. */
export async function addEmptyCategory(forum: MockForum): Promise<number> {
  const [row] = await forum.db.query<{ id: number }>(
    `insert into categories (community_id, slug, name, description, position)
     select community_id, 'nouveautes', '{"fr": "Nouveautés", "en": "What’s new"}', '{"fr": "Les nouvelles offres, à découvrir", "en": "New offers to discover"}', 100
       from categories order by id limit 1 returning id`,
  );
  return row!.id;
}

/** A community with no category yet: the categories move to another, empty community (the reset brings them back). */
export async function emptyCommunity(forum: MockForum): Promise<void> {
  await forum.db.query(`insert into communities (slug, name) values ('stories-elsewhere', 'Ailleurs')`);
  await forum.db.query(`update categories set community_id = (select id from communities where slug = 'stories-elsewhere')`);
}

/**
 * The demo's advisors have weekly plans, so who is on duty would depend on the hour the story
 * opens: the two advisors are put on duty all of today (SQL, in the community's time zone,
 * weekday 0 = Monday), Karim on technical help and network, Julie on activation and billing.
 */
export async function onDutyToday(forum: MockForum, categories: Record<string, number>): Promise<void> {
  const duties: Array<[string, string[]]> = [
    [DEMO_PEOPLE.technicalAdvisor, ['assistance-technique', 'reseau']],
    [DEMO_PEOPLE.commercialAdvisor, ['activation-forfait', 'facturation']],
  ];
  for (const [pseudonym, slugs] of duties) {
    const advisor = await forum.member(pseudonym);
    const today = `(select extract(isodow from now() at time zone c.time_zone)::int - 1 from communities c join members m on m.community_id = c.id where m.id = $1)`;
    await forum.db.query(`delete from weekly_plan_slots where member_id = $1 and weekday = ${today}`, [advisor.id]);
    const [slot] = await forum.db.query<{ id: number }>(`insert into weekly_plan_slots (member_id, weekday, start_minute, end_minute) select $1, ${today}, 0, 1440 returning id`, [advisor.id]);
    for (const slug of slugs) await forum.db.query('insert into weekly_plan_slot_categories (slot_id, category_id) values ($1, $2)', [slot!.id, categories[slug]]);
  }
}

/** An outage alert to declare from: five members ask about the network within minutes, through the SDK. */
export async function outageAlert({ forum, demo, as }: StorySetupContext): Promise<void> {
  await onDutyToday(forum, demo.categories);
  const members = [DEMO_PEOPLE.asker, DEMO_PEOPLE.secondHelper, DEMO_PEOPLE.englishMember, DEMO_PEOPLE.topHelper, DEMO_PEOPLE.asker];
  for (const [i, pseudonym] of members.entries()) {
    await (await as(pseudonym)).threads.create({ categoryId: demo.categories.reseau!, title: `Plus de réseau mobile ce matin (${i + 1})`, body: 'Plus de réseau depuis ce matin, et chez vous ?' });
  }
}

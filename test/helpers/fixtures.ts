/** A small community for server tests: two categories, a few members, one thread. */
import { renderMarkdown } from '../../src/domain/markdown.ts';
import type { Database } from '../../src/domain/database.ts';

export interface FixtureMember {
  id: number;
  externalId: string;
  pseudonym: string;
  role: 'member' | 'advisor' | 'moderator' | 'admin';
}

export interface Fixtures {
  communityId: number;
  categories: { billing: number; network: number };
  members: {
    /** A beginner who asks (level 1). */
    asker: FixtureMember;
    /** A top contributor who answers. */
    helper: FixtureMember;
    /** Another ordinary member, for "someone else" checks. */
    other: FixtureMember;
    /** The commercial advisor. */
    advisor: FixtureMember;
    /** The technical advisor. */
    technicalAdvisor: FixtureMember;
    moderator: FixtureMember;
    /** The community manager. */
    admin: FixtureMember;
  };
  threadId: number;
}

const DAY = 86_400_000;

export async function insertFixtures(db: Database): Promise<Fixtures> {
  return db.transaction(async (tx) => {
    const [community] = await tx.query<{ id: number }>(
      `insert into communities (slug, name, locale, advisor_signature) values ('test', 'Test Mobile', 'fr', 'Merci !') returning id`,
    );
    const communityId = community!.id;
    const category = async (slug: string, fr: string, en: string, position: number) =>
      (await tx.query<{ id: number }>(
        `insert into categories (community_id, slug, name, description, position) values ($1, $2, $3, $4, $5) returning id`,
        [communityId, slug, JSON.stringify({ fr, en }), JSON.stringify({ fr: `${fr} : questions`, en: `${en}: questions` }), position],
      ))[0]!.id;
    const billing = await category('facturation', 'Facturation', 'Billing', 1);
    const network = await category('reseau', 'Réseau', 'Network', 2);
    const member = async (pseudonym: string, role: FixtureMember['role'], posts: number, daysAgo: number): Promise<FixtureMember> => {
      const externalId = `demo:${pseudonym.toLowerCase()}`;
      const [row] = await tx.query<{ id: number }>(
        `insert into members (community_id, external_id, pseudonym, role, joined_at, post_count) values ($1, $2, $3, $4, $5, $6) returning id`,
        [communityId, externalId, pseudonym, role, new Date(Date.now() - daysAgo * DAY), posts],
      );
      return { id: row!.id, externalId, pseudonym, role };
    };
    const asker = await member('Tom', 'member', 1, 90);
    const helper = await member('Pix37', 'member', 12418, 270);
    const other = await member('rosier', 'member', 40, 30);
    const advisor = await member('Julie', 'advisor', 500, 400);
    const technicalAdvisor = await member('Karim', 'advisor', 300, 300);
    const moderator = await member('Modo', 'moderator', 100, 500);
    const admin = await member('Camille', 'admin', 10, 600);
    await tx.query(`update members set team = 'commercial' where id = $1`, [advisor.id]);
    await tx.query(`update members set team = 'technical' where id = $1`, [technicalAdvisor.id]);
    const at = new Date(Date.now() - DAY);
    const [thread] = await tx.query<{ id: number }>(
      `insert into threads (category_id, author_id, title, excerpt, created_at, last_post_at) values ($1, $2, $3, $4, $5, $5) returning id`,
      [billing, asker.id, 'Comment changer de forfait ?', 'Bonjour, comment changer de forfait ?', at],
    );
    const body = 'Bonjour, comment **changer** de forfait ?';
    await tx.query(`insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'question', $3, $4, $5)`, [
      thread!.id, asker.id, body, renderMarkdown(body), at,
    ]);
    await tx.query('update categories set thread_count = 1, post_count = 1, last_post_at = $2 where id = $1', [billing, at]);
    return { communityId, categories: { billing, network }, members: { asker, helper, other, advisor, technicalAdvisor, moderator, admin }, threadId: thread!.id };
  });
}

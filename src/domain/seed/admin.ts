/**
 * The demo's administration: the community manager who holds the `admin` role, and each
 * advisor's categories of expertise (their team's categories, study §26). Written last and
 * without the seed's random draws, so the rest of the demo stays as it was.
 */
import type { Queryable } from '../database.ts';
import { CATEGORIES } from './content.ts';
import { DEMO_PEOPLE } from './people.ts';

const THREE_YEARS_MS = 3 * 365 * 24 * 3_600_000;

export async function seedAdmin(tx: Queryable, communityId: number, now: Date): Promise<void> {
  const pseudonym = DEMO_PEOPLE.admin;
  await tx.query(
    `insert into members (community_id, external_id, pseudonym, role, region, joined_at) values ($1, $2, $3, 'admin', 'Île-de-France', $4)`,
    [communityId, `demo:${pseudonym.toLowerCase()}`, pseudonym, new Date(now.getTime() - THREE_YEARS_MS)],
  );
  for (const team of ['commercial', 'technical']) {
    const slugs = CATEGORIES.filter((category) => category.team === team).map((category) => category.slug);
    await tx.query(
      `insert into advisor_expertise (member_id, category_id)
       select m.id, c.id from members m join categories c on c.community_id = m.community_id
       where m.community_id = $1 and m.role = 'advisor' and m.team = $2 and c.slug = any($3::text[])`,
      [communityId, team, slugs],
    );
  }
}

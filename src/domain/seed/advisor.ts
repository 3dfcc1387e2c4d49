/**
 * The demo's advisor side (study §11, §27): the Toulouse outage threads are linked to an
 * active incident with its public banner and two status updates, and the latest of them is
 * marked advisor-now, so the advisor queue shows every group. Deterministic for a given `now`.
 */
import type { Queryable } from '../database.ts';
import { OUTAGE_REGION } from './people.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const OUTAGE_INCIDENT = {
  title: 'Panne réseau dans le secteur de Toulouse',
  bannerText: 'Incident réseau en cours autour de Toulouse (Occitanie) : nos équipes techniques sont mobilisées. Inutile de redémarrer votre mobile, suivez les mises à jour ici.',
  /** What English readers see (issue 15, item 10). */
  translations: {
    en: {
      title: 'Network outage around Toulouse',
      bannerText: 'Network incident under way around Toulouse (Occitanie): our engineers are on it. No need to restart your phone, follow the updates here.',
    },
  },
} as const;

async function outageThreads(tx: Queryable, communityId: number, now: Date): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `select t.id from threads t join categories c on c.id = t.category_id join members m on m.id = t.author_id
     where c.community_id = $1 and c.slug = 'reseau' and m.region = $2 and t.merged_into_id is null
       and t.created_at >= $3 and t.title like '%Toulouse%'
     order by t.created_at, t.id`,
    [communityId, OUTAGE_REGION, new Date(now.getTime() - 3 * 24 * HOUR)],
  );
  return rows.map((row) => row.id);
}

export async function seedAdvisor(tx: Queryable, communityId: number, now: Date): Promise<void> {
  const threadIds = await outageThreads(tx, communityId, now);
  const [advisor] = await tx.query<{ id: number }>(
    `select id from members where community_id = $1 and role = 'advisor' order by (team = 'technical') desc, id limit 1`,
    [communityId],
  );
  if (!advisor || threadIds.length === 0) return;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  const [incident] = await tx.query<{ id: number }>(
    `insert into incidents (community_id, title, banner_text, category_id, region, status, created_by, created_at, updated_at, translations)
     select $1, $2, $3, c.id, $4, 'identified', $5, $6, $7, $8::jsonb from categories c where c.community_id = $1 and c.slug = 'reseau'
     returning id`,
    [communityId, OUTAGE_INCIDENT.title, OUTAGE_INCIDENT.bannerText, OUTAGE_REGION, advisor.id, at(150), at(45), JSON.stringify(OUTAGE_INCIDENT.translations)],
  );
  if (!incident) return;
  await tx.query('insert into incident_threads (incident_id, thread_id) select $1, unnest($2::int[])', [incident.id, threadIds]);
  await tx.query(
    `insert into incident_updates (incident_id, author_id, status, body, created_at) values
       ($1, $2, 'investigating', $3, $4), ($1, $2, 'identified', $5, $6)`,
    [
      incident.id, advisor.id,
      'Plusieurs membres signalent une perte de réseau autour de Toulouse. Nous analysons la situation.', at(150),
      "L'origine est identifiée : une antenne relais est hors service. Une équipe d'intervention est en route.", at(45),
    ],
  );
  // The newest outage thread waits on an advisor now: the queue's first group is never empty.
  await tx.query('update threads set advisor_now_at = $2 where id = $1 and accepted_post_id is null', [threadIds.at(-1), at(30)]);
}

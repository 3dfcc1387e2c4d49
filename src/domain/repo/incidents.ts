/**
 * SQL of incidents: reads (the banner, the advisor list) and the writes of
 * ../services/incidents.ts, which checks who may declare and update them.
 */
import type { Incident, IncidentTranslations } from '../../contract/areas/advisor.ts';
import { inLocale, type IncidentStatus, type Locale } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

interface IncidentRow {
  id: number;
  title: string;
  banner_text: string;
  translations: IncidentTranslations;
  category_id: number | null;
  region: string | null;
  status: IncidentStatus;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  created_by: { id: number; pseudonym: string };
  thread_ids: number[];
  updates: { id: number; status: IncidentStatus; text: string; author: { id: number; pseudonym: string }; createdAt: string }[];
}

const INCIDENT_SELECT = `select i.id, i.title, i.banner_text, i.translations, i.category_id, i.region, i.status, i.created_at, i.updated_at, i.resolved_at,
  json_build_object('id', cm.id, 'pseudonym', cm.pseudonym) as created_by,
  coalesce((select json_agg(it.thread_id order by it.thread_id) from incident_threads it where it.incident_id = i.id), '[]') as thread_ids,
  coalesce((select json_agg(json_build_object('id', u.id, 'status', u.status, 'text', u.body, 'createdAt', u.created_at,
      'author', json_build_object('id', um.id, 'pseudonym', um.pseudonym)) order by u.created_at, u.id)
    from incident_updates u join members um on um.id = u.author_id where u.incident_id = i.id), '[]') as updates
  from incidents i join members cm on cm.id = i.created_by`;

/** The incident with its title and banner in `locale` where the advisor wrote them (else the default language's). */
function toIncident(row: IncidentRow, locale: Locale | null = null): Incident {
  const text = inLocale({ title: row.title, bannerText: row.banner_text }, row.translations, locale);
  return {
    id: row.id,
    ...text,
    translations: row.translations,
    categoryId: row.category_id,
    region: row.region,
    status: row.status,
    active: row.resolved_at === null,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    threadIds: row.thread_ids,
    updates: row.updates.map((update) => ({ ...update, createdAt: new Date(update.createdAt).toISOString() })),
  };
}

export async function getIncident(db: Queryable, community: CommunityContext, incidentId: number): Promise<Incident | undefined> {
  const [row] = await db.query<IncidentRow>(`${INCIDENT_SELECT} where i.id = $1 and i.community_id = $2`, [incidentId, community.id]);
  return row && toIncident(row);
}

export async function listIncidents(db: Queryable, community: CommunityContext, query: { active?: boolean; limit: number; locale?: Locale | null }): Promise<Incident[]> {
  const rows = await db.query<IncidentRow>(
    `${INCIDENT_SELECT} where i.community_id = $1 and ($2::boolean is null or (i.resolved_at is null) = $2)
     order by i.created_at desc, i.id desc limit $3`,
    [community.id, query.active ?? null, query.limit],
  );
  return rows.map((row) => toIncident(row, query.locale ?? null));
}

export async function insertIncident(
  tx: Queryable, community: CommunityContext,
  incident: {
    title: string; bannerText: string; translations: IncidentTranslations; categoryId: number | null; region: string | null; createdBy: number; threadIds: readonly number[];
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into incidents (community_id, title, banner_text, translations, category_id, region, created_by) values ($1, $2, $3, $4::jsonb, $5, $6, $7) returning id`,
    [community.id, incident.title, incident.bannerText, JSON.stringify(incident.translations), incident.categoryId, incident.region, incident.createdBy],
  );
  if (!row) throw new Error('incident insert returned nothing');
  if (incident.threadIds.length > 0) {
    await tx.query('insert into incident_threads (incident_id, thread_id) select $1, unnest($2::int[])', [row.id, incident.threadIds]);
  }
  return row.id;
}

/** The incident of this community, locked; undefined when unknown. */
export async function lockIncident(tx: Queryable, community: CommunityContext, incidentId: number): Promise<{ resolved_at: Date | null } | undefined> {
  const [current] = await tx.query<{ resolved_at: Date | null }>(
    'select resolved_at from incidents where id = $1 and community_id = $2 for update',
    [incidentId, community.id],
  );
  return current;
}

/** Adds the update and moves the incident to its status; `resolved` also dates the resolution. */
export async function insertIncidentUpdate(tx: Queryable, update: { incidentId: number; authorId: number; status: IncidentStatus; text: string; at: Date }): Promise<void> {
  await tx.query('insert into incident_updates (incident_id, author_id, status, body, created_at) values ($1, $2, $3, $4, $5)', [
    update.incidentId, update.authorId, update.status, update.text, update.at,
  ]);
  await tx.query(
    `update incidents set status = $2, updated_at = $3, resolved_at = case when $2 = 'resolved' then $3::timestamptz else null end where id = $1`,
    [update.incidentId, update.status, update.at],
  );
}

/** The member's region as their last token gave it (the `region` claim); null when unknown. */
export async function memberRegion(db: Queryable, community: CommunityContext, memberId: number): Promise<string | null> {
  const [row] = await db.query<{ region: string | null }>('select region from members where id = $1 and community_id = $2', [memberId, community.id]);
  return row?.region ?? null;
}

/** The category of a thread of this community; undefined when unknown. */
export async function threadCategory(db: Queryable, community: CommunityContext, threadId: number): Promise<number | undefined> {
  const [row] = await db.query<{ category_id: number }>(
    'select t.category_id from threads t join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2', [threadId, community.id],
  );
  return row?.category_id;
}

/** When the member dismissed each of these incidents (those they never dismissed are absent). */
export async function dismissalTimes(db: Queryable, memberId: number, incidentIds: readonly number[]): Promise<Map<number, Date>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db.query<{ incident_id: number; dismissed_at: Date }>(
    'select incident_id, dismissed_at from incident_dismissals where member_id = $1 and incident_id = any($2::int[])', [memberId, incidentIds],
  );
  return new Map(rows.map((row) => [row.incident_id, new Date(row.dismissed_at)]));
}

/** Records (or renews) the member's dismissal; returns its time. */
export async function upsertDismissal(db: Queryable, memberId: number, incidentId: number, at: Date): Promise<Date> {
  const [row] = await db.query<{ dismissed_at: Date }>(
    `insert into incident_dismissals (member_id, incident_id, dismissed_at) values ($1, $2, $3)
     on conflict (member_id, incident_id) do update set dismissed_at = excluded.dismissed_at returning dismissed_at`,
    [memberId, incidentId, at],
  );
  if (!row) throw new Error('dismissal upsert returned nothing');
  return new Date(row.dismissed_at);
}

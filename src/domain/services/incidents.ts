/**
 * Incidents (study §11): an advisor declares one when many people hit the same outage. The
 * forum shows its banner while it is active; every change is one transaction that also
 * publishes a live event and queues the signed webhook.
 */
import type { Incident, NewIncident, NewIncidentUpdate } from '../../contract/areas/advisor.ts';
import { ApiError, guardian, type Actor, type IncidentStatus } from '../../core/index.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { enqueueWebhook, type WebhookOptions } from './webhooks.ts';

interface IncidentRow {
  id: number;
  title: string;
  banner_text: string;
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

const INCIDENT_SELECT = `select i.id, i.title, i.banner_text, i.category_id, i.region, i.status, i.created_at, i.updated_at, i.resolved_at,
  json_build_object('id', cm.id, 'pseudonym', cm.pseudonym) as created_by,
  coalesce((select json_agg(it.thread_id order by it.thread_id) from incident_threads it where it.incident_id = i.id), '[]') as thread_ids,
  coalesce((select json_agg(json_build_object('id', u.id, 'status', u.status, 'text', u.body, 'createdAt', u.created_at,
      'author', json_build_object('id', um.id, 'pseudonym', um.pseudonym)) order by u.created_at, u.id)
    from incident_updates u join members um on um.id = u.author_id where u.incident_id = i.id), '[]') as updates
  from incidents i join members cm on cm.id = i.created_by`;

function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    title: row.title,
    bannerText: row.banner_text,
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

export async function listIncidents(db: Queryable, community: CommunityContext, query: { active?: boolean; limit: number }): Promise<Incident[]> {
  const rows = await db.query<IncidentRow>(
    `${INCIDENT_SELECT} where i.community_id = $1 and ($2::boolean is null or (i.resolved_at is null) = $2)
     order by i.created_at desc, i.id desc limit $3`,
    [community.id, query.active ?? null, query.limit],
  );
  return rows.map(toIncident);
}

function requireIncidentManager(actor: Actor): Extract<Actor, { memberId: number }> {
  return guardian(actor).staff.ensureManageIncidents();
}

/** Live event and webhook for one change, inside its transaction. */
async function announce(tx: Queryable, community: CommunityContext, webhooks: WebhookOptions | undefined, incident: Incident, change: string): Promise<void> {
  const { id, title, bannerText, status, active } = incident;
  await publishEvent(tx, community.id, { type: 'incident-updated', threadId: null, categoryId: incident.categoryId, incident: { id, title, bannerText, status, active } });
  await enqueueWebhook(tx, webhooks, `incident.${change}`, incident);
}

export async function createIncident(db: Database, community: CommunityContext, actor: Actor, input: NewIncident, webhooks?: WebhookOptions): Promise<Incident> {
  const advisor = requireIncidentManager(actor);
  const threadIds = [...new Set(input.threadIds)];
  return db.transaction(async (tx) => {
    if (input.categoryId !== undefined) {
      const [category] = await tx.query('select 1 from categories where id = $1 and community_id = $2', [input.categoryId, community.id]);
      if (!category) throw notFound(`Category ${input.categoryId}`);
    }
    const found = await tx.query<{ id: number }>(
      'select t.id from threads t join categories c on c.id = t.category_id where t.id = any($1::int[]) and c.community_id = $2',
      [threadIds, community.id],
    );
    const missing = threadIds.filter((threadId) => !found.some((row) => row.id === threadId));
    if (missing.length > 0) throw notFound(`Thread ${missing.join(', ')}`);
    const [row] = await tx.query<{ id: number }>(
      `insert into incidents (community_id, title, banner_text, category_id, region, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
      [community.id, input.title.trim(), input.bannerText.trim(), input.categoryId ?? null, input.region?.trim() || null, advisor.memberId],
    );
    if (!row) throw new Error('incident insert returned nothing');
    if (threadIds.length > 0) {
      await tx.query('insert into incident_threads (incident_id, thread_id) select $1, unnest($2::int[])', [row.id, threadIds]);
    }
    const incident = await getIncident(tx, community, row.id);
    if (!incident) throw new Error('new incident not found');
    await announce(tx, community, webhooks, incident, 'created');
    return incident;
  });
}

export async function addIncidentUpdate(db: Database, community: CommunityContext, actor: Actor, incidentId: number, input: NewIncidentUpdate, webhooks?: WebhookOptions): Promise<Incident> {
  const advisor = requireIncidentManager(actor);
  const text = input.text.trim();
  if (text.length < 3) throw new ApiError('validation_failed', 'text needs at least 3 characters that are not spaces.', [{ path: '/text', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ resolved_at: Date | null }>(
      'select resolved_at from incidents where id = $1 and community_id = $2 for update',
      [incidentId, community.id],
    );
    if (!current) throw notFound(`Incident ${incidentId}`);
    if (current.resolved_at) throw new ApiError('conflict', 'This incident is resolved; declare a new one if the problem is back.');
    const at = new Date();
    await tx.query('insert into incident_updates (incident_id, author_id, status, body, created_at) values ($1, $2, $3, $4, $5)', [incidentId, advisor.memberId, input.status, text, at]);
    await tx.query(
      `update incidents set status = $2, updated_at = $3, resolved_at = case when $2 = 'resolved' then $3::timestamptz else null end where id = $1`,
      [incidentId, input.status, at],
    );
    const incident = await getIncident(tx, community, incidentId);
    if (!incident) throw new Error('updated incident not found');
    await announce(tx, community, webhooks, incident, input.status === 'resolved' ? 'resolved' : 'updated');
    return incident;
  });
}

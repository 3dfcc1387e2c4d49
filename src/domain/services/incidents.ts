/**
 * Incidents (study §11): an advisor declares one when many people hit the same outage. The
 * forum shows its banner while it is active; every change is one transaction that also
 * publishes a live event and queues the signed webhook.
 */
import type { Incident, IncidentTranslations, NewIncident, NewIncidentUpdate } from '../../contract/areas/advisor.ts';
import { ApiError, guardian, LOCALES, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { categoryExists, type CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { getIncident, insertIncident, insertIncidentUpdate, lockIncident } from '../repo/incidents.ts';
import { communityThreadIds } from '../repo/threads.ts';
import { enqueueWebhook, type WebhookOptions } from './webhooks.ts';
import { notifyIncident } from './notify.ts';

function requireIncidentManager(actor: Actor): Extract<Actor, { memberId: number }> {
  return guardian(actor).staff.ensureManageIncidents();
}

/** Live event and webhook for one change, inside its transaction. */
async function announce(
  tx: Queryable, community: CommunityContext, webhooks: WebhookOptions | undefined, incident: Incident, change: 'created' | 'updated' | 'resolved', actorId: number,
): Promise<void> {
  const { id, title, bannerText, status, active, translations } = incident;
  await notifyIncident(tx, community, { id, categoryId: incident.categoryId, region: incident.region }, actorId);
  await publishEvent(tx, community.id, {
    type: 'incident-updated', threadId: null, categoryId: incident.categoryId, incident: { id, title, bannerText, status, active, ...(Object.keys(translations).length > 0 && { translations }) },
  });
  await enqueueWebhook(tx, { community, webhooks }, `incident.${change}`, incident);
}

/** The other languages' versions, trimmed; one in the default language is refused (the main fields hold it). */
function translationsOf(input: NewIncident, community: CommunityContext): IncidentTranslations {
  const kept: IncidentTranslations = {};
  for (const locale of LOCALES) {
    const text = input.translations?.[locale];
    if (!text) continue;
    if (locale === community.locale) {
      throw new ApiError('validation_failed', `title and bannerText are already in ${locale}, the community's default language.`, [{ path: `/translations/${locale}`, message: 'default language' }]);
    }
    kept[locale] = { title: text.title.trim(), bannerText: text.bannerText.trim() };
  }
  return kept;
}

export async function createIncident({ db, community, webhooks }: ServiceContext<'webhooks'>, { actor, body: input }: { actor: Actor; body: NewIncident }): Promise<Incident> {
  const advisor = requireIncidentManager(actor);
  const threadIds = [...new Set(input.threadIds)];
  const translations = translationsOf(input, community);
  return db.transaction(async (tx) => {
    if (input.categoryId !== undefined && !(await categoryExists(tx, community, input.categoryId))) throw notFound(`Category ${input.categoryId}`);
    const found = await communityThreadIds(tx, community, threadIds);
    const missing = threadIds.filter((threadId) => !found.includes(threadId));
    if (missing.length > 0) throw notFound(`Thread ${missing.join(', ')}`);
    const incidentId = await insertIncident(tx, community, {
      title: input.title.trim(), bannerText: input.bannerText.trim(), translations, categoryId: input.categoryId ?? null, region: input.region?.trim() || null,
      createdBy: advisor.memberId, threadIds,
    });
    const incident = await getIncident(tx, community, incidentId);
    if (!incident) throw new Error('new incident not found');
    await announce(tx, community, webhooks, incident, 'created', advisor.memberId);
    return incident;
  });
}

export async function addIncidentUpdate(
  { db, community, webhooks }: ServiceContext<'webhooks'>, { actor, incidentId, body: input }: { actor: Actor; incidentId: number; body: NewIncidentUpdate },
): Promise<Incident> {
  const advisor = requireIncidentManager(actor);
  const text = input.text.trim();
  if (text.length < 3) throw new ApiError('validation_failed', 'text needs at least 3 characters that are not spaces.', [{ path: '/text', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const current = await lockIncident(tx, community, incidentId);
    if (!current) throw notFound(`Incident ${incidentId}`);
    if (current.resolved_at) throw new ApiError('conflict', 'This incident is resolved; declare a new one if the problem is back.');
    const at = new Date();
    await insertIncidentUpdate(tx, { incidentId, authorId: advisor.memberId, status: input.status, text, at });
    const incident = await getIncident(tx, community, incidentId);
    if (!incident) throw new Error('updated incident not found');
    await announce(tx, community, webhooks, incident, input.status === 'resolved' ? 'resolved' : 'updated', advisor.memberId);
    return incident;
  });
}

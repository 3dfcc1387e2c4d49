/**
 * The reader's side of incidents (issue 15, item 11): which banners a page shows them (core's
 * `incidentConcerns` and `stillDismissed`, so the server, the mocks and the elements agree),
 * and dismissing one until the incident's next update.
 */
import type { IncidentDismissal, IncidentList } from '../../contract/areas/advisor.ts';
import { guardian, incidentConcerns, isSignedIn, stillDismissed, type Actor, type Locale } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { dismissalTimes, getIncident, listIncidents, memberRegion, threadCategory, upsertDismissal } from '../repo/incidents.ts';

/** Active incidents are few (a handful at the worst of an outage): this many is every one of them. */
const ACTIVE_MAX = 100;

export async function incidentBanner(
  { db, community }: ServiceContext, { actor, query }: { actor: Actor; query: { categoryId?: number; threadId?: number; locale?: Locale } },
): Promise<IncidentList> {
  let categoryId = query.categoryId ?? null;
  if (query.threadId !== undefined) {
    const ofThread = await threadCategory(db, community, query.threadId);
    if (ofThread === undefined) throw notFound(`Thread ${query.threadId}`);
    categoryId = ofThread;
  }
  const region = isSignedIn(actor) ? await memberRegion(db, community, actor.memberId) : null;
  const active = await listIncidents(db, community, { active: true, limit: ACTIVE_MAX, locale: query.locale ?? null });
  const concerned = active.filter((incident) => incidentConcerns(incident, { categoryId, region }));
  if (!isSignedIn(actor)) return { items: concerned };
  const dismissed = await dismissalTimes(db, actor.memberId, concerned.map((incident) => incident.id));
  return { items: concerned.filter((incident) => !stillDismissed(dismissed.get(incident.id), incident.updatedAt)) };
}

export async function dismissIncident(
  { db, community }: ServiceContext, { actor, incidentId, now = new Date() }: { actor: Actor; incidentId: number; now?: Date },
): Promise<IncidentDismissal> {
  const reader = guardian(actor).staff.ensureDismissIncidents();
  if (!(await getIncident(db, community, incidentId))) throw notFound(`Incident ${incidentId}`);
  const dismissedAt = await upsertDismissal(db, reader.memberId, incidentId, now);
  return { incidentId, dismissedAt: dismissedAt.toISOString() };
}

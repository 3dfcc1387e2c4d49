/**
 * Incidents in the demo community, for the element tests: the demo holds one active incident
 * (the Toulouse outage, in "Réseau et couverture"); tests declare, update and resolve others
 * through the SDK as the demo's technical advisor, as the advisors' console does.
 */
import type { Incident, NewIncident, NewIncidentUpdate } from '../../src/contract/areas/advisor.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, pick, type MockForum } from './helpers.ts';

/** A sample outage declaration (its category is the demo's network category, `networkCategory()`). */
export const SAMPLE_INCIDENT = {
  title: 'Panne réseau mobile à Toulouse',
  bannerText: 'Appels et données perturbés dans le secteur de Toulouse depuis 8 h. Nos équipes techniques sont mobilisées.',
  region: 'Occitanie',
  threadIds: [],
} as const satisfies Omit<NewIncident, 'categoryId'>;

/** The demo's network category ("Réseau et couverture"), where its outage incident lives. */
export async function networkCategory(forum: MockForum): Promise<{ id: number; name: string }> {
  return pick(forum, `select id, name->>'fr' as name from categories where slug = 'reseau'`);
}

/** An SDK client signed in as `pseudonym` (the technical advisor by default), without retries. */
export async function clientOf(forum: MockForum, pseudonym: string = DEMO_PEOPLE.technicalAdvisor) {
  return createEntraideClient({ baseUrl: '/api', token: (await forum.member(pseudonym)).token, retry: false });
}

/** Declares `SAMPLE_INCIDENT` (in the network category), with `input` over it, as the technical advisor. */
export async function declareIncident(forum: MockForum, input: Partial<NewIncident> = {}): Promise<Incident> {
  const { id: categoryId } = await networkCategory(forum);
  return (await clientOf(forum)).incidents.create({ ...SAMPLE_INCIDENT, threadIds: [], categoryId, ...input });
}

export async function updateIncident(forum: MockForum, incidentId: number, update: NewIncidentUpdate, pseudonym: string = DEMO_PEOPLE.technicalAdvisor): Promise<Incident> {
  return (await clientOf(forum, pseudonym)).incidents.update(incidentId, update);
}

/** The incidents active now, newest first, as the public list gives them. */
export async function activeIncidents(): Promise<Incident[]> {
  return (await createEntraideClient({ baseUrl: '/api', retry: false }).incidents.list({ active: true, limit: 50 })).items;
}

/** Resolves the demo's active incidents (through the API, as an advisor would), for tests that start from none. */
export async function resolveActiveIncidents(forum: MockForum): Promise<void> {
  for (const incident of await activeIncidents()) {
    await updateIncident(forum, incident.id, { status: 'resolved', text: 'Réseau rétabli, merci de votre patience.' });
  }
  if ((await activeIncidents()).length) throw new Error('the demo community still has an active incident');
}

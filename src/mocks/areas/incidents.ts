/**
 * Incidents in the mocks (study §11), as `src/domain/services/incidents.ts` keeps them: the
 * public banner while active, advisor-only declaration and updates, an `incident-updated` live
 * event on every change. Each store has its own incidents (`incidentsOf(store)`), so tests and
 * stories can declare one directly before rendering.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { Incident, NewIncident, NewIncidentUpdate } from '../../contract/areas/advisor.ts';
import { isSignedIn, guardian, INCIDENT_STATUSES, type Actor, type IncidentStatus } from '../../core/index.ts';
import { actorOf, oneOf, param, positiveInt, query, readBody, type MockContext } from '../http.ts';
import { MockApiError, type MockStore } from '../store.ts';

/** A sample outage, like the demo seed's: declare it with `incidentsOf(store).declare(MEMBERS.lea, SAMPLE_INCIDENT)`. */
export const SAMPLE_INCIDENT: NewIncident = {
  title: 'Panne réseau mobile à Toulouse',
  bannerText: 'Appels et données perturbés dans le secteur de Toulouse depuis 8 h. Nos équipes techniques sont mobilisées.',
  categoryId: 4,
  region: 'Occitanie',
  threadIds: [],
};

const stateByStore = new WeakMap<MockStore, IncidentState>();

/** The incidents of one mock store, created empty on first use. */
export function incidentsOf(store: MockStore): IncidentState {
  let state = stateByStore.get(store);
  if (!state) stateByStore.set(store, (state = new IncidentState(store)));
  return state;
}

export class IncidentState {
  readonly #store: MockStore;
  readonly #incidents: Incident[] = [];

  constructor(store: MockStore) {
    this.#store = store;
  }

  /** Newest first, like the server's `order by created_at desc, id desc`. */
  list(query: { active?: boolean; limit: number }): Incident[] {
    return this.#incidents
      .filter((incident) => query.active === undefined || incident.active === query.active)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .slice(0, query.limit)
      .map((incident) => structuredClone(incident));
  }

  get(incidentId: number): Incident {
    const incident = this.#incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw new MockApiError(404, 'not_found', `Incident ${incidentId} does not exist.`);
    return structuredClone(incident);
  }

  /** Declares an incident as `memberId` (no permission check: for fixtures; the route checks). */
  declare(memberId: number, input: NewIncident): Incident {
    const threadIds = [...new Set(input.threadIds)].sort((a, b) => a - b);
    if (input.categoryId !== undefined) this.#store.category(input.categoryId, 'fr');
    const missing = threadIds.filter((threadId) => !this.#store.threadRecords().some((thread) => thread.id === threadId));
    if (missing.length > 0) throw new MockApiError(404, 'not_found', `Thread ${missing.join(', ')} does not exist.`);
    const at = this.#store.now().toISOString();
    const incident: Incident = {
      id: Math.max(0, ...this.#incidents.map((existing) => existing.id)) + 1,
      title: input.title.trim(), bannerText: input.bannerText.trim(), categoryId: input.categoryId ?? null, region: input.region?.trim() || null,
      status: 'investigating', active: true, createdBy: this.#memberRef(memberId), createdAt: at, updatedAt: at, resolvedAt: null, threadIds, updates: [],
    };
    this.#incidents.push(incident);
    this.#announce(incident);
    return structuredClone(incident);
  }

  /** Posts an update as `memberId`; 'resolved' takes the banner down and closes the incident. */
  update(memberId: number, incidentId: number, input: NewIncidentUpdate): Incident {
    const text = input.text.trim();
    if (text.length < 3) throw new MockApiError(400, 'validation_failed', 'text needs at least 3 characters that are not spaces.', [{ path: '/text', message: 'too short' }]);
    const incident = this.#incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw new MockApiError(404, 'not_found', `Incident ${incidentId} does not exist.`);
    if (incident.resolvedAt) throw new MockApiError(409, 'conflict', 'This incident is resolved; declare a new one if the problem is back.');
    const at = this.#store.now().toISOString();
    const updateId = Math.max(0, ...this.#incidents.flatMap((any) => any.updates.map((update) => update.id))) + 1;
    incident.updates.push({ id: updateId, status: input.status, text, author: this.#memberRef(memberId), createdAt: at });
    incident.status = input.status;
    incident.updatedAt = at;
    incident.resolvedAt = input.status === 'resolved' ? at : null;
    incident.active = incident.resolvedAt === null;
    this.#announce(incident);
    return structuredClone(incident);
  }

  #memberRef(memberId: number): { id: number; pseudonym: string } {
    const member = this.#store.memberRecord(memberId);
    return { id: member.id, pseudonym: member.pseudonym };
  }

  #announce(incident: Incident): void {
    const { id, title, bannerText, status, active } = incident;
    this.#store.publish({ type: 'incident-updated', threadId: null, categoryId: incident.categoryId, incident: { id, title, bannerText, status, active } });
  }
}

/** Advisors only; a guest is 401 (the server's members-only check runs first). */
function requireIncidentManager(actor: Actor): number {
  if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
  if (!guardian(actor).staff.canManageIncidents()) throw new MockApiError(403, 'forbidden', 'Only advisors declare and update incidents.');
  return actor.memberId;
}

function checkLength(field: string, value: unknown, min: number, max: number): string {
  const text = String(value);
  if (text.length >= min && text.length <= max) return text;
  const message = text.length < min ? `must NOT have fewer than ${min} characters` : `must NOT have more than ${max} characters`;
  throw new MockApiError(400, 'validation_failed', `Invalid body: /${field} ${message}`, [{ in: 'body', path: `/${field}`, message }]);
}

/** A body id: an integer of at least 1, as the contract's `Id`. */
function idOf(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw new MockApiError(400, 'validation_failed', `Invalid body: ${path} must be an integer >= 1`, [{ in: 'body', path, message: 'must be an integer >= 1' }]);
}

async function readNewIncident(request: Request): Promise<NewIncident> {
  const body = await readBody(request, { title: 'string', bannerText: 'string', categoryId: 'number', region: 'string', threadIds: 'array' }, ['title', 'bannerText', 'threadIds']);
  const threadIds = body.threadIds as unknown[];
  if (threadIds.length > 500) throw new MockApiError(400, 'validation_failed', 'Invalid body: /threadIds must NOT have more than 500 items', [{ in: 'body', path: '/threadIds', message: 'too many' }]);
  return {
    title: checkLength('title', body.title, 3, 200),
    bannerText: checkLength('bannerText', body.bannerText, 3, 500),
    ...(body.categoryId === undefined ? {} : { categoryId: idOf(body.categoryId, '/categoryId') }),
    ...(body.region === undefined ? {} : { region: checkLength('region', body.region, 1, 100) }),
    threadIds: threadIds.map((threadId, index) => idOf(threadId, `/threadIds/${index}`)),
  };
}

function readLimit(value: string | null): number {
  const limit = positiveInt(value, 'limit', 20);
  if (limit > 100) throw new MockApiError(400, 'validation_failed', 'limit must be at most 100.', [{ path: '/limit', message: 'too large' }]);
  return limit;
}

/** Routes `listIncidents`, `getIncident`, `createIncident`, `addIncidentUpdate`. */
export function incidentHandlers({ store, route }: MockContext): HttpHandler[] {
  const incidents = incidentsOf(store);
  return [
    route('listIncidents', ({ request }) => {
      const q = query(request);
      const active = q.has('active') ? oneOf(q.get('active'), ['true', 'false'] as const, 'active', 'true') === 'true' : undefined;
      const limit = readLimit(q.get('limit'));
      return HttpResponse.json({ items: incidents.list({ active, limit }) });
    }),
    route('getIncident', ({ params }) => HttpResponse.json(incidents.get(positiveInt(param(params.incidentId), 'incidentId')))),
    route('createIncident', async ({ request }) => {
      const input = await readNewIncident(request);
      const memberId = requireIncidentManager(actorOf(store, request));
      return HttpResponse.json(incidents.declare(memberId, input), { status: 201 });
    }),
    route('addIncidentUpdate', async ({ request, params }) => {
      const incidentId = positiveInt(param(params.incidentId), 'incidentId');
      const body = await readBody(request, { text: 'string', status: 'string' }, ['text', 'status']);
      const status: IncidentStatus = oneOf(String(body.status), INCIDENT_STATUSES, 'status', 'investigating');
      const input = { text: checkLength('text', body.text, 3, 5000), status };
      const memberId = requireIncidentManager(actorOf(store, request));
      return HttpResponse.json(incidents.update(memberId, incidentId, input), { status: 201 });
    }),
  ];
}

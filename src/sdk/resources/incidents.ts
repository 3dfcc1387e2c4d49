import type { Incident, IncidentList, NewIncident, NewIncidentUpdate } from '../../contract/areas/advisor.ts';
import type { Http, RequestOptions } from '../http.ts';

/** Incidents: the public banners, and their declaration and updates by advisors. */
export const incidentsResource = (http: Http) => ({
  list: (query: { active?: boolean; limit?: number } = {}, request: RequestOptions = {}) =>
    http.request<IncidentList>({ method: 'GET', path: '/incidents', query, ...request }),
  get: (incidentId: number, request: RequestOptions = {}) =>
    http.request<Incident>({ method: 'GET', path: `/incidents/${incidentId}`, ...request }),
  create: (input: NewIncident, request: RequestOptions = {}) =>
    http.request<Incident>({ method: 'POST', path: '/incidents', body: input, ...request }),
  update: (incidentId: number, input: NewIncidentUpdate, request: RequestOptions = {}) =>
    http.request<Incident>({ method: 'POST', path: `/incidents/${incidentId}/updates`, body: input, ...request }),
});

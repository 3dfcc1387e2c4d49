import type { Incident, IncidentList } from '../../contract/areas/advisor.ts';
import type { Http, RequestOptions } from '../http.ts';

/** Incidents: the public banners (the reader's half of the client). */
export const incidentsResource = (http: Http) => ({
  list: (query: { active?: boolean; limit?: number } = {}, request: RequestOptions = {}) =>
    http.request<IncidentList>({ method: 'GET', path: '/incidents', query, ...request }),
  get: (incidentId: number, request: RequestOptions = {}) =>
    http.request<Incident>({ method: 'GET', path: `/incidents/${incidentId}`, ...request }),
});


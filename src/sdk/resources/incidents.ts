import type { Http, RequestOptions } from '../http.ts';
import { getIncident, listIncidents } from '../routes/index.ts';

/** Incidents: the public banners (the reader's half of the client). */
export const incidentsResource = (http: Http) => ({
  list: (query: { active?: boolean; limit?: number } = {}, request: RequestOptions = {}) => http.call(listIncidents, { query }, request),
  get: (incidentId: number, request: RequestOptions = {}) => http.call(getIncident, { params: { incidentId } }, request),
});

import type { Locale } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import { dismissIncident, getIncident, getIncidentBanner, listIncidents } from '../routes/index.ts';

/** Incidents: the public banners (the reader's half of the client). */
export const incidentsResource = (http: Http) => ({
  list: (query: { active?: boolean; limit?: number } = {}, request: RequestOptions = {}) => http.call(listIncidents, { query }, request),
  get: (incidentId: number, request: RequestOptions = {}) => http.call(getIncident, { params: { incidentId } }, request),
  /** The banners for the reader on a page: the category (or thread) read and their region, in `locale` where the advisor wrote it; those they dismissed stay out until the next update. */
  banner: (query: { categoryId?: number; threadId?: number; locale?: Locale } = {}, request: RequestOptions = {}) => http.call(getIncidentBanner, { query }, request),
  /** Hides a banner for the signed-in reader until the incident's next update. */
  dismiss: (incidentId: number, request: RequestOptions = {}) => http.call(dismissIncident, { params: { incidentId } }, request),
});

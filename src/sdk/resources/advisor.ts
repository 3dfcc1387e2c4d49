import type {
  AdvisorQueue, AlertList, ExpertList, Metrics,
} from '../../contract/areas/advisor.ts';
import type { ThreadSummary } from '../../contract/index.ts';
import type { Http, RequestOptions } from '../http.ts';

/** Advisor tools: the queue by urgency, expert suggestions, collective-problem alerts. */
export const agentResource = (http: Http) => ({
  queue: (query: { categoryId?: number; limit?: number } = {}, request: RequestOptions = {}) =>
    http.request<AdvisorQueue>({ method: 'GET', path: '/agent/queue', query, ...request }),
  alerts: (query: { threshold?: number; windowMinutes?: number } = {}, request: RequestOptions = {}) =>
    http.request<AlertList>({ method: 'GET', path: '/agent/alerts', query, ...request }),
  experts: (query: { threadId: number; days?: number; limit?: number }, request: RequestOptions = {}) =>
    http.request<ExpertList>({ method: 'GET', path: '/agent/experts', query, ...request }),
  /** Marks a thread advisor-now (`urgent: false` takes the mark off). */
  markUrgent: (threadId: number, urgent = true, request: RequestOptions = {}) =>
    http.request<ThreadSummary>({ method: 'POST', path: `/threads/${threadId}/urgent`, body: { urgent }, ...request }),
});

/** Community metrics over a date range (advisors and moderators). */
export const metricsResource = (http: Http) => ({
  get: (query: { from?: string; to?: string; categoryId?: number } = {}, request: RequestOptions = {}) =>
    http.request<Metrics>({ method: 'GET', path: '/metrics', query, ...request }),
});

import type { QueueGroup } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import { getAdvisorQueue, getCollectiveAlerts, getExperts, getMetrics, markThreadUrgent } from '../routes/index.ts';

/** Advisor tools: the queue by urgency, expert suggestions, collective-problem alerts. */
export const agentResource = (http: Http) => ({
  /** Each group's count and first page; with `group` and a group's `nextCursor`, that group's next page. */
  queue: (query: { categoryId?: number; planned?: boolean; group?: QueueGroup; cursor?: string; limit?: number } = {}, request: RequestOptions = {}) =>
    http.call(getAdvisorQueue, { query }, request),
  alerts: (query: { threshold?: number; windowMinutes?: number } = {}, request: RequestOptions = {}) =>
    http.call(getCollectiveAlerts, { query }, request),
  experts: (query: { threadId: number; days?: number; limit?: number }, request: RequestOptions = {}) => http.call(getExperts, { query }, request),
  /** Marks a thread advisor-now (`urgent: false` takes the mark off). */
  markUrgent: (threadId: number, urgent = true, request: RequestOptions = {}) =>
    http.call(markThreadUrgent, { params: { threadId }, body: { urgent } }, request),
});

/** Community metrics over a date range (advisors and moderators). */
export const metricsResource = (http: Http) => ({
  get: (query: { from?: string; to?: string; categoryId?: number } = {}, request: RequestOptions = {}) => http.call(getMetrics, { query }, request),
});

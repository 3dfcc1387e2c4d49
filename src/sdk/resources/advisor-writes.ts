/**
 * Writes only advisors and moderators make on resources readers also read (incidents, the FAQ,
 * thread confirmations, the signature): the staff half of the client (../staff.ts) adds them,
 * so the embedded forum's read path never carries them.
 */
import type { NewIncident, NewIncidentUpdate } from '../../contract/areas/advisor.ts';
import type { NewConfirmation } from '../../contract/areas/interactions.ts';
import type { FaqArticleChanges, NewFaqArticle } from '../../contract/areas/knowledge.ts';
import type { Locale } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import { addIncidentUpdate, confirmAnswers, createFaqArticle, createIncident, updateFaqArticle, updateSignature } from '../routes/index.ts';

/** Advisors declare incidents and post their updates (`client.incidents`). */
export const incidentDeclarationResource = (http: Http) => ({
  create: (input: NewIncident, request: RequestOptions = {}) => http.call(createIncident, { body: input }, request),
  update: (incidentId: number, input: NewIncidentUpdate, request: RequestOptions = {}) =>
    http.call(addIncidentUpdate, { params: { incidentId }, body: input }, request),
});

/** `client.faq`'s writes. */
export const faqEditingResource = (http: Http) => ({
  /** Advisors and moderators: writes an article. */
  create: (input: NewFaqArticle, request: RequestOptions = {}) => http.call(createFaqArticle, { body: input }, request),
  /** Advisors and moderators: changes some fields of an article. */
  update: (articleId: number, changes: FaqArticleChanges, request: RequestOptions = {}) =>
    http.call(updateFaqArticle, { params: { articleId }, body: changes }, request),
});

/** `client.threads.confirm`: an advisor confirmation citing and crediting community replies (advisors only). */
export const confirmationResource = (http: Http) => ({
  confirm: (threadId: number, input: NewConfirmation, request: RequestOptions = {}) =>
    http.call(confirmAnswers, { params: { threadId }, body: input }, request),
});

/** `client.community.setSignature`: the community's advisor signature (advisors and moderators), in `locale` (default: the community's language). */
export const signatureResource = (http: Http) => ({
  setSignature: (text: string, request: RequestOptions = {}, locale?: Locale) => http.call(updateSignature, { body: { text, ...(locale && { locale }) } }, request),
});

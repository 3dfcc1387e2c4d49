import type { NewWebhook, WebhookChanges } from '../../contract/areas/webhooks.ts';
import type { WebhookDeliveryStatus } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import {
  createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, retryWebhookDelivery, rotateWebhookSecret, updateWebhook,
} from '../routes/index.ts';

/** The community's webhooks and their delivery log (admins). A secret is answered once: by `create` and `rotateSecret`. */
export const webhooksResource = (http: Http) => ({
  /** Every webhook, oldest first, with its secret's last four characters; and the server's configured endpoint, if any. */
  list: (request: RequestOptions = {}) => http.call(listWebhooks, {}, request),
  /** `{ webhook, secret }`: keep the secret now, it is never shown again. */
  create: (input: NewWebhook, request: RequestOptions = {}) => http.call(createWebhook, { body: input }, request),
  /** URL, description, events (`null`: all) or `enabled`. */
  update: (webhookId: number, changes: WebhookChanges, request: RequestOptions = {}) => http.call(updateWebhook, { params: { webhookId }, body: changes }, request),
  /** A new secret, answered once; the previous one also signs for `graceHours` (default 24, 0 = stop at once). */
  rotateSecret: (webhookId: number, options: { graceHours?: number } = {}, request: RequestOptions = {}) =>
    http.call(rotateWebhookSecret, { params: { webhookId }, body: options }, request),
  /** Deletes the webhook and its delivery log. */
  delete: (webhookId: number, request: RequestOptions = {}) => http.call(deleteWebhook, { params: { webhookId } }, request),
  /** The delivery log, newest first: of one webhook (`webhookId`) or all, by `status`, paged by `cursor`. */
  deliveries: (query: { webhookId?: number; status?: WebhookDeliveryStatus; cursor?: string; limit?: number } = {}, request: RequestOptions = {}) =>
    http.call(listWebhookDeliveries, { query }, request),
  /** Sends a failed delivery again now (one more try); 409 when it is delivered or already pending. */
  retry: (deliveryId: number, request: RequestOptions = {}) => http.call(retryWebhookDelivery, { params: { deliveryId } }, request),
});

/**
 * Routes of the "webhooks" area (issue 14, administration); merged into `routes` by
 * ../routes.ts. The community's administrators add endpoints that receive the forum's events
 * (incident changes today), each POST signed with the endpoint's own secret:
 *
 *   X-Entraide-Timestamp: <unix seconds>
 *   X-Entraide-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *
 * After a rotation the previous secret stays valid for a grace period (24 h by default, 0 to
 * 168 h, chosen per rotation): meanwhile the header holds two comma-separated signatures,
 * `sha256=<with the new secret>,sha256=<with the previous one>`, and a receiver accepts the
 * request when one of them matches the secret it knows. A secret is answered once, when created
 * or rotated; lists show its last four characters only. Admins only.
 */
import { Type, type Static } from 'typebox';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS, WEBHOOK_LIMITS } from '../../core/index.ts';
import { BigId, errorResponses as errors, Id, Line, Timestamp } from '../common.ts';

export const WebhookEventSchema = Type.Enum(WEBHOOK_EVENTS);
export const WebhookDeliveryStatusSchema = Type.Enum(WEBHOOK_DELIVERY_STATUSES);

/** http(s) only, no credentials; in production no private or loopback host (the server's setting). */
const Url = Line({ minLength: 1, maxLength: WEBHOOK_LIMITS.urlMax });
const Description = Type.Union([Line({ maxLength: WEBHOOK_LIMITS.descriptionMax }), Type.Null()]);
/** `null`: every event, those added later included. */
const Events = Type.Union([Type.Array(WebhookEventSchema, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true }), Type.Null()]);

export const Webhook = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  events: Type.Union([Type.Array(WebhookEventSchema), Type.Null()]),
  enabled: Type.Boolean(),
  /** The secret's last four characters, to tell secrets apart; the secret itself is answered once. */
  secretHint: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The last rotation; null while the first secret is in use. */
  secretRotatedAt: Type.Union([Timestamp, Type.Null()]),
  /** Until then, deliveries also carry a signature made with the previous secret. */
  previousSecretValidUntil: Type.Union([Timestamp, Type.Null()]),
  /** Deliveries waiting for a try, and those given up (a retry sends one again). */
  deliveries: Type.Object({ pending: Type.Integer({ minimum: 0 }), failed: Type.Integer({ minimum: 0 }) }),
});
export type Webhook = Static<typeof Webhook>;

export const WebhookList = Type.Object({
  /** Oldest first. */
  items: Type.Array(Webhook),
  /** The endpoint set in the server's configuration (ENTRAIDE_WEBHOOK_URL), which every event also goes to; not editable here. */
  serverWebhook: Type.Union([Type.Object({ url: Type.String() }), Type.Null()]),
});
export type WebhookList = Static<typeof WebhookList>;

export const NewWebhook = Type.Object(
  { url: Url, description: Type.Optional(Description), events: Type.Optional(Events), enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type NewWebhook = Static<typeof NewWebhook>;

export const WebhookChanges = Type.Object(
  { url: Type.Optional(Url), description: Type.Optional(Description), events: Type.Optional(Events), enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type WebhookChanges = Static<typeof WebhookChanges>;

export const RotateWebhookSecret = Type.Object(
  {
    /** How long the previous secret keeps signing too (default 24); 0 ends it at once (a leaked secret). */
    graceHours: Type.Optional(Type.Integer({ minimum: 0, maximum: WEBHOOK_LIMITS.graceHoursMax })),
  },
  { additionalProperties: false },
);
export type RotateWebhookSecret = Static<typeof RotateWebhookSecret>;

/** A webhook with its secret: answered by create and rotate only, once. */
export const WebhookWithSecret = Type.Object({ webhook: Webhook, secret: Type.String() });
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;

export const DeletedWebhook = Type.Object({ id: Id, deleted: Type.Literal(true) });
export type DeletedWebhook = Static<typeof DeletedWebhook>;

export const WebhookDelivery = Type.Object({
  id: BigId,
  /** null: the server's configured endpoint. */
  webhookId: Type.Union([Id, Type.Null()]),
  event: Type.String(),
  status: WebhookDeliveryStatusSchema,
  /** Tries so far, retries included. */
  attempts: Type.Integer({ minimum: 0 }),
  /** Why the last try failed (an HTTP status or a network error); null once delivered. */
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  /** When a pending delivery is tried next; null otherwise. */
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  deliveredAt: Type.Union([Timestamp, Type.Null()]),
  failedAt: Type.Union([Timestamp, Type.Null()]),
  /** An administrator's last retry. */
  retriedAt: Type.Union([Timestamp, Type.Null()]),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveryPage = Type.Object({ items: Type.Array(WebhookDelivery), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type WebhookDeliveryPage = Static<typeof WebhookDeliveryPage>;

const webhookParams = Type.Object({ webhookId: Id });

export const webhooksRoutes = {
  listWebhooks: {
    method: 'GET',
    url: '/admin/webhooks',
    audience: 'admins',
    example: { response: { items: [], serverWebhook: null } },
    schema: { summary: 'The community’s webhooks, oldest first, without their secrets (admins)', response: { 200: WebhookList, ...errors } },
  },
  createWebhook: {
    method: 'POST',
    url: '/admin/webhooks',
    audience: 'admins',
    example: { body: { url: 'https://hooks.example.com/entraide' } },
    schema: {
      summary: 'Add a webhook; the answer holds its signing secret, shown this once (admins)',
      body: NewWebhook,
      response: { 201: WebhookWithSecret, ...errors },
    },
  },
  updateWebhook: {
    method: 'PATCH',
    url: '/admin/webhooks/:webhookId',
    audience: 'admins',
    example: { params: { webhookId: 1 }, body: { enabled: false } },
    schema: {
      summary: 'Change a webhook’s URL, description, events, or enable or disable it; a disabled webhook gets no new deliveries and its pending ones wait (admins)',
      params: webhookParams,
      body: WebhookChanges,
      response: { 200: Webhook, ...errors },
    },
  },
  rotateWebhookSecret: {
    method: 'POST',
    url: '/admin/webhooks/:webhookId/rotate-secret',
    audience: 'admins',
    example: { params: { webhookId: 2 } },
    schema: {
      summary: 'Give a webhook a new secret, answered this once; the previous one also signs for `graceHours` (default 24) (admins)',
      params: webhookParams,
      body: RotateWebhookSecret,
      response: { 200: WebhookWithSecret, ...errors },
    },
  },
  deleteWebhook: {
    method: 'DELETE',
    url: '/admin/webhooks/:webhookId',
    audience: 'admins',
    example: { params: { webhookId: 3 } },
    schema: { summary: 'Delete a webhook and its delivery log (admins)', params: webhookParams, response: { 200: DeletedWebhook, ...errors } },
  },
  listWebhookDeliveries: {
    method: 'GET',
    url: '/admin/webhook-deliveries',
    audience: 'admins',
    example: { response: { items: [], nextCursor: null } },
    schema: {
      summary: 'The delivery log, newest first: of one webhook, or of all of them and the server’s endpoint (admins)',
      querystring: Type.Object({
        webhookId: Type.Optional(Id),
        status: Type.Optional(WebhookDeliveryStatusSchema),
        cursor: Type.Optional(Type.String({ maxLength: 40 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
      }),
      response: { 200: WebhookDeliveryPage, ...errors },
    },
  },
  retryWebhookDelivery: {
    method: 'POST',
    url: '/admin/webhook-deliveries/:deliveryId/retry',
    audience: 'admins',
    example: { params: { deliveryId: 1 } },
    schema: {
      summary: 'Send a failed delivery again now: one more try (409 when it is delivered, already pending, or its webhook is disabled) (admins)',
      params: Type.Object({ deliveryId: Id }),
      response: { 200: WebhookDelivery, ...errors },
    },
  },
} as const;

/** The "webhooks" area (see src/contract/areas/webhooks.ts): the service refuses anyone but an admin before reading anything. */
import {
  createWebhook, deleteWebhook, listWebhooks, retryWebhookDelivery, rotateWebhookSecret, updateWebhook, webhookDeliveries,
} from '../services/webhook-endpoints.ts';
import type { Operations } from './operation.ts';

type Names = 'listWebhooks' | 'createWebhook' | 'updateWebhook' | 'rotateWebhookSecret' | 'deleteWebhook' | 'listWebhookDeliveries' | 'retryWebhookDelivery';

/** A rotation without a body keeps the default grace period. */
export const webhooksBareBodies: ReadonlySet<string> = new Set<Names>(['rotateWebhookSecret']);

export const webhooksOperations: Operations<Names> = {
  listWebhooks: { run: (ctx, { actor }) => listWebhooks(ctx, { actor }) },
  createWebhook: { run: (ctx, { actor, body }) => createWebhook(ctx, { actor, body }) },
  updateWebhook: { run: (ctx, { actor, params, body }) => updateWebhook(ctx, { actor, webhookId: params.webhookId, body }) },
  rotateWebhookSecret: { run: (ctx, { actor, params, body }) => rotateWebhookSecret(ctx, { actor, webhookId: params.webhookId, body }) },
  deleteWebhook: { run: (ctx, { actor, params }) => deleteWebhook(ctx, { actor, webhookId: params.webhookId }) },
  listWebhookDeliveries: {
    run: (ctx, { actor, query: { webhookId, status, cursor, limit = 20 } }) => webhookDeliveries(ctx, { actor, query: { webhookId, status, cursor, limit } }),
  },
  retryWebhookDelivery: { run: (ctx, { actor, params }) => retryWebhookDelivery(ctx, { actor, deliveryId: params.deliveryId }) },
};

/**
 * The Fastify adapter of the domain's use cases: each contract route that has an operation is
 * registered from the contract (method, url, schemas) and answered by the operation's `run`.
 */
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import { endpoints } from '../../domain/operations/endpoints.ts';
import type { Call, DomainContext, OperationName } from '../../domain/operations/index.ts';
import type { AppContext } from '../app.ts';
import type { ApiCache } from '../cache/api-cache.ts';
import { answerCachedRead, isCachedRead } from '../cache/api-reads.ts';

/** What only HTTP needs for a route, beside the contract and the operation. */
const HTTP_EXTRAS: Partial<Record<OperationName, Pick<RouteOptions, 'onRequest'>>> = {
  previewMarkdown: {
    // A preview is safe to repeat and stores nothing, so the SDK's Idempotency-Key (sent on every
    // POST) is dropped before the app's idempotency hook would keep a copy of each answer.
    onRequest: async (request) => {
      delete request.headers['idempotency-key'];
    },
  },
  unsubscribeEmail: {
    // Mail clients POST the one-click body `List-Unsubscribe=One-Click` as a form (RFC 8058); the
    // token is in the URL, so the body is read as plain text and ignored (no form parser for any other route).
    onRequest: async (request) => {
      if (/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) request.headers['content-type'] = 'text/plain';
    },
  },
};

export function domainContext(ctx: AppContext): DomainContext {
  return { db: ctx.db, community: ctx.community, postIntervals: ctx.limits.postIntervals, demo: ctx.config.demo, webhooks: ctx.webhooks, handoff: ctx.handoff };
}

/** `cache`: where public reads are kept (../cache/api-reads.ts); none = every read computed. */
export const operationRoutes = (ctx: AppContext, cache?: ApiCache): FastifyPluginAsync => async (app) => {
  const domain = domainContext(ctx);
  for (const { name, route, operation, status, bareBodyIsEmpty } of endpoints({ demo: ctx.config.demo })) {
    app.route({
      ...route,
      config: { public: operation.public ?? false, operation: name },
      ...HTTP_EXTRAS[name],
      ...(bareBodyIsEmpty && {
        preValidation: async (request) => {
          if (request.body === undefined) request.body = {};
        },
      }),
      handler: async (request, reply) => {
        const call = { actor: request.actor, params: request.params, query: request.query, body: request.body, acceptLanguage: request.headers['accept-language'] } as Call<OperationName>;
        if (cache && isCachedRead(name) && (await answerCachedRead(cache, domain, name, call as never, request, reply))) return reply;
        return reply.status(status).send(await operation.run(domain, call));
      },
    });
  }
};

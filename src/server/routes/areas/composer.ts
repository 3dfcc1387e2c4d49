import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import { ApiError, isSignedIn, LIMITS } from '../../../core/index.ts';
import { renderMarkdown } from '../../../core/markdown.ts';
import type { AppContext } from '../../app.ts';

/**
 * HTTP routes of the "composer" area (see src/contract/areas/composer.ts). The preview goes
 * through the same trim, minimum and renderer as `createThread`/`replyToThread`, so what a
 * member previews is what would be stored; it reads and writes no table (not even the
 * idempotency keys). Members only (the
 * app's hook answers guests 401) and counted by the app-wide per-member rate limit.
 */
export const composerRoutes = (_ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.route({
    ...routes.previewMarkdown,
    // A preview is safe to repeat and stores nothing, so the SDK's Idempotency-Key (sent on every
    // POST) is dropped before the app's idempotency hook would keep a copy of each answer.
    onRequest: async (request) => {
      delete request.headers['idempotency-key'];
    },
    handler: async (request) => {
      // The app hook already refused guests; this keeps the rule visible where it applies.
      if (!isSignedIn(request.actor)) throw new ApiError('unauthorized', 'Sign in to preview a post.');
      const body = request.body.body.trim();
      if (body.length < LIMITS.bodyMin) {
        throw new ApiError('validation_failed', `body needs at least ${LIMITS.bodyMin} characters that are not spaces.`, [{ path: '/body', message: 'too short' }]);
      }
      return { html: renderMarkdown(body) };
    },
  });
};

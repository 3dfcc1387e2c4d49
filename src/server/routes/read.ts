import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/index.ts';
import { ApiError, LIMITS, pickLocale } from '../../core/index.ts';
import { notFound } from '../../domain/errors.ts';
import { getCommunity } from '../../domain/repo/community.ts';
import { BadCursorError, listThreads } from '../../domain/repo/thread-list.ts';
import { memberProfile } from '../../domain/repo/profiles.ts';
import { BadPostCursorError, findThreadRow, getThread, readPostPage } from '../../domain/repo/threads.ts';
import type { AppContext } from '../app.ts';

/** Public reads: community, thread lists, threads. Guests may call them all. */
export const readRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.route({ ...routes.health, config: { public: true }, handler: async () => ({ ok: true }) });

  app.route({
    ...routes.getCommunity,
    config: { public: true },
    handler: async (request) => {
      const locale = request.query.locale ?? pickLocale(request.headers['accept-language'], ctx.community.locale);
      return getCommunity(ctx.db, ctx.community, locale, ctx.config.demo);
    },
  });

  app.route({
    ...routes.listThreads,
    config: { public: true },
    handler: async (request) => {
      const { categoryId, cursor, limit = 20, filter = 'all', sort = 'activity' } = request.query;
      try {
        return await listThreads(ctx.db, ctx.community, request.actor, { categoryId, cursor, limit, filter, sort });
      } catch (error) {
        if (error instanceof BadCursorError) throw new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ in: 'querystring', path: '/cursor', message: 'unknown cursor' }]);
        throw error;
      }
    },
  });

  app.route({
    ...routes.getMember,
    config: { public: true },
    handler: async (request) => {
      const profile = await memberProfile(ctx.db, ctx.community, request.params.memberId);
      if (!profile) throw notFound(`Member ${request.params.memberId}`);
      return profile;
    },
  });

  app.route({
    ...routes.getThread,
    config: { public: true },
    handler: async (request) => {
      const detail = await getThread(ctx.db, ctx.community, request.params.threadId, request.query.limit);
      if (!detail) throw notFound(`Thread ${request.params.threadId}`);
      return detail;
    },
  });

  app.route({
    ...routes.listThreadPosts,
    config: { public: true },
    handler: async (request) => {
      const { threadId } = request.params;
      if (!(await findThreadRow(ctx.db, ctx.community, threadId))) throw notFound(`Thread ${threadId}`);
      try {
        return await readPostPage(ctx.db, ctx.community, threadId, { cursor: request.query.cursor, limit: request.query.limit ?? LIMITS.postPageDefault });
      } catch (error) {
        if (error instanceof BadPostCursorError) throw new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ in: 'querystring', path: '/cursor', message: 'unknown cursor' }]);
        throw error;
      }
    },
  });
};

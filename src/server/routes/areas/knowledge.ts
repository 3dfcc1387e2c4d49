import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import { ApiError, pickLocale, SEARCH_LIMITS, toTsQuery } from '../../../core/index.ts';
import type { AppContext } from '../../app.ts';
import { notFound } from '../../../domain/errors.ts';
import { findArticleBySlug, searchFaq } from '../../../domain/repo/faq.ts';
import { decodeSearchCursor, encodeSearchCursor, searchForum } from '../../../domain/repo/search.ts';
import { createFaqArticle, suggest, updateFaqArticle } from '../../../domain/services/knowledge.ts';

const noWords = (field: string) => new ApiError('validation_failed', `${field} needs at least one word of two letters or digits.`, [{ in: 'querystring', path: `/${field}`, message: 'no searchable word' }]);

/** HTTP routes of the "knowledge" area (see src/contract/areas/knowledge.ts): reads are public, writes need an advisor or moderator. */
export const knowledgeRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.route({
    ...routes.searchFaq,
    config: { public: true },
    handler: async (request) => {
      const { q, locale, categoryId, limit = SEARCH_LIMITS.hitsDefault } = request.query;
      const tsquery = q === undefined || q.trim() === '' ? null : toTsQuery(q, 'all');
      if (q !== undefined && q.trim() !== '' && tsquery === null) throw noWords('q');
      return { items: await searchFaq(ctx.db, ctx.community.id, { tsquery, locale, categoryId, limit }) };
    },
  });

  app.route({
    ...routes.getFaqArticle,
    config: { public: true },
    handler: async (request) => {
      const locale = request.query.locale ?? pickLocale(request.headers['accept-language'], ctx.community.locale);
      const article = await findArticleBySlug(ctx.db, ctx.community.id, request.params.slug, locale, ctx.community.locale);
      if (!article) throw notFound(`FAQ article ${request.params.slug}`);
      return article;
    },
  });

  app.route({
    ...routes.suggestFaq,
    config: { public: true },
    handler: async (request) => suggest(ctx.db, ctx.community, request.body),
  });

  app.route({
    ...routes.createFaqArticle,
    handler: async (request, reply) => reply.status(201).send(await createFaqArticle(ctx.db, ctx.community, request.actor, request.body)),
  });

  app.route({
    ...routes.updateFaqArticle,
    handler: async (request) => updateFaqArticle(ctx.db, ctx.community, request.actor, request.params.articleId, request.body),
  });

  app.route({
    ...routes.searchForum,
    config: { public: true },
    handler: async (request) => {
      const { q, categoryId, solved, authorId, cursor, limit = SEARCH_LIMITS.hitsDefault } = request.query;
      const tsquery = toTsQuery(q, 'all');
      if (tsquery === null) throw noWords('q');
      const offset = cursor === undefined ? 0 : decodeSearchCursor(cursor);
      if (offset === undefined) throw new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ in: 'querystring', path: '/cursor', message: 'unknown cursor' }]);
      const { hits, more } = await searchForum(ctx.db, ctx.community, { tsquery, categoryId, solved, authorId, offset, limit });
      return { items: hits, nextCursor: more ? encodeSearchCursor(offset + limit) : null };
    },
  });
};

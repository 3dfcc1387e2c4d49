import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/index.ts';
import { ApiError } from '../../core/index.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { AppContext } from '../app.ts';

/**
 * Readiness, for a load balancer or an orchestrator: the database answers a query and has every
 * migration this build ships. `/api/health` stays liveness and never touches the database.
 */
export const readyRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.route({
    ...routes.ready,
    config: { public: true },
    handler: async (request) => {
      let pending: string[];
      try {
        pending = await pendingMigrations(ctx.db);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness: the database does not answer');
        throw new ApiError('unavailable', 'The database does not answer.');
      }
      if (pending.length > 0) throw new ApiError('unavailable', `${pending.length} migration(s) pending: run \`entraide-server migrate\` (${pending.join(', ')}).`);
      return { ok: true };
    },
  });
};

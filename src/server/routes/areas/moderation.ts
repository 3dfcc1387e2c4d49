import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app.ts';

/** HTTP routes of the "moderation" area (see src/contract/areas/moderation.ts). */
export const moderationRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};

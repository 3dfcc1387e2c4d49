import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app.ts';

/** HTTP routes of the "interactions" area (see src/contract/areas/interactions.ts). */
export const interactionsRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};

import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app.ts';

/** HTTP routes of the "advisor" area (see src/contract/areas/advisor.ts). */
export const advisorRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};

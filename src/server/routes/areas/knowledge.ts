import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app.ts';

/** HTTP routes of the "knowledge" area (see src/contract/areas/knowledge.ts). */
export const knowledgeRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};

/** Routes of the "knowledge" area; merged into `routes` by ../routes.ts. */
export const knowledgeRoutes = {} as const;

/** Routes of the "interactions" area; merged into `routes` by ../routes.ts. */
export const interactionsRoutes = {} as const;

/** Routes of the "advisor" area; merged into `routes` by ../routes.ts. */
export const advisorRoutes = {} as const;

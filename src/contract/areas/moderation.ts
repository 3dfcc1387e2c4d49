/** Routes of the "moderation" area; merged into `routes` by ../routes.ts. */
export const moderationRoutes = {} as const;

export * from './common.ts';
export * from './errors.ts';
export * from './models.ts';
export * from './routes.ts';
export type * from './route-types.ts';
export type * from './pages.ts';

export * from './domain.ts';
export * from './limits.ts';
export * from './permissions.ts';
export * from './ranks.ts';

export { entraide, type EntraideHandle, type EntraideOptions } from './plugin.ts';
export { buildApp, type AppContext, type BuildAppOptions } from './app.ts';
export { readConfig, type ServerConfig } from './config.ts';
export { openDatabase, type Database } from './db/open.ts';
export { migrate, pendingMigrations } from './db/migrate.ts';
export { signToken, verifyToken } from './auth.ts';
export { startServer, type RunningServer } from './start.ts';

/** Everything the server reads from its environment, parsed once, with clear messages. */
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  jwt: { secret: string | undefined; issuer: string | undefined; audience: string | undefined };
  /** Where the built demo page and bundles are served from. */
  staticDir: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  const secret = env.ENTRAIDE_JWT_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('ENTRAIDE_JWT_SECRET must be at least 32 characters long (HS256 needs a 256-bit secret).');
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset to use the embedded database).');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.ENTRAIDE_DATA_DIR ?? '.entraide'),
    demo: env.ENTRAIDE_DEMO === '1',
    jwt: { secret, issuer: env.ENTRAIDE_JWT_ISSUER || undefined, audience: env.ENTRAIDE_JWT_AUDIENCE || undefined },
    staticDir: resolve(env.ENTRAIDE_STATIC_DIR ?? 'dist/demo'),
  };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `dataDir` holds no embedded database yet (opening it would create one). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

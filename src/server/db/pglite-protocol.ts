/**
 * The messages between the server's thread and the thread that runs PGlite (./pglite-thread.ts,
 * ./pglite-worker.ts). Values cross by structured clone: Dates, arrays, objects and bytes arrive
 * as they left; errors cross as plain fields (message, code, detail…) and are rebuilt.
 */
import type { PgliteOptions } from '../../domain/pglite.ts';

export type Request =
  | { op: 'query'; sql: string; params: readonly unknown[]; tx?: number }
  | { op: 'exec'; script: string }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; listener: number }
  | { op: 'close' };

export type Call = Request & { id: number };

export type Answer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorFields };

export interface Notice {
  notice: 'notify';
  listener: number;
  payload: string;
}

export type ErrorFields = Record<string, unknown> & { message: string; name: string };

export interface ThreadData {
  options: PgliteOptions;
}

/** An error's own fields (PGlite's carry `code`, `detail`, `constraint`…), ready to be cloned. */
export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: ErrorFields = { name: error.name, message: error.message };
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return fields;
}

/** The error again, on this side: same message, code and fields, so callers test `code` as before. */
export function rebuiltError(fields: ErrorFields): Error {
  const error = new Error(fields.message);
  Object.assign(error, fields);
  return error;
}

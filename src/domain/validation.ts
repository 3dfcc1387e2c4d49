/**
 * How every request is checked against the contract, by both adapters (Fastify's validator
 * compiler, the msw handlers): TypeBox's compiled check, plus the two things a schema alone does not say.
 *
 * - Path and query values are strings; an integer is only ever decimal digits (core/text.ts).
 *   TypeBox's own conversion uses `Number()` and truncates, so `1.5`, `0x10`, `1e1`, ` 1` and
 *   `true` would name threads 1, 16, 10, 1 and 1.
 * - No string anywhere in a request may hold text PostgreSQL cannot store (core/text.ts).
 */
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { ApiError, decimalInteger, SINGLE_LINE_PATTERN, unstorableText } from '../core/index.ts';

/** One problem in a request, shaped as Fastify reports a schema error. */
export interface RequestIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The largest request body in bytes, in both adapters: 20,000 characters of markdown in any UTF-8 fit. */
export const BODY_LIMIT = 256 * 1024;

export type RequestPart = 'body' | 'params' | 'querystring' | 'headers';

type Json = Record<string, unknown>;

const BOOLEANS: Record<string, boolean> = { true: true, false: false, 1: true, 0: false };

/** One path or query value, read as `schema` wants it; left as it is when it is not of that form. */
function fromText(schema: Json, text: string): unknown {
  if (Array.isArray(schema.anyOf)) {
    for (const member of schema.anyOf as Json[]) {
      const value = fromText(member, text);
      if (value !== text) return value;
    }
    return text;
  }
  if (schema.type === 'integer' || schema.type === 'number') return decimalInteger(text) ?? text;
  if (schema.type === 'boolean') return BOOLEANS[text.toLowerCase()] ?? text;
  return text;
}

/** Params and querystrings are flat objects of strings (an array when a key repeats). */
function convertStrings(schema: Json, value: unknown): unknown {
  const properties = schema.properties as Record<string, Json> | undefined;
  if (!properties || !value || typeof value !== 'object') return value;
  const record = value as Json;
  for (const [key, text] of Object.entries(record)) {
    const property = properties[key];
    if (property && typeof text === 'string') record[key] = fromText(property, text);
  }
  return record;
}

/**
 * The first string (or key) in `value` that cannot be stored, as a validation error. A loop, not
 * recursion: a body of 10,000 nested arrays is still under the body limit.
 */
export function unstorableIn(value: unknown): RequestIssue | undefined {
  const pending: Array<[unknown, string]> = [[value, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      const problem = unstorableText(item);
      if (problem !== undefined) return issue(path, problem);
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const problem = unstorableText(key);
        if (problem !== undefined) return issue(path, `has a key that ${problem}`);
        pending.push([child, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`]);
      }
    }
  }
  return undefined;
}

function issue(instancePath: string, message: string): RequestIssue {
  return { keyword: 'text', instancePath, schemaPath: '', params: {}, message };
}

/** Says what a one-line pattern means instead of quoting the regular expression. */
function readable(error: RequestIssue): RequestIssue {
  const pattern = (error.params as { pattern?: unknown } | undefined)?.pattern;
  return error.keyword === 'pattern' && pattern === SINGLE_LINE_PATTERN ? { ...error, message: 'must be one line without control characters' } : error;
}

/** The check of one part of a request: the value as the use case gets it, or what is wrong with it. */
export function requestChecker(schema: TSchema, httpPart: string | undefined): (input: unknown) => { value: unknown } | { error: RequestIssue[] } {
  const check = Compile(schema);
  const fromStrings = httpPart === 'params' || httpPart === 'querystring';
  return (input: unknown) => {
    const value: unknown = httpPart === 'body' ? input : fromStrings ? convertStrings(schema as Json, input) : Value.Convert(schema, input);
    const unstorable = unstorableIn(value);
    if (unstorable) return { error: [unstorable] };
    if (check.Check(value)) return { value };
    return { error: check.Errors(value).map((error) => readable(error as unknown as RequestIssue)) };
  };
}

/** A refused request as its typed error: each problem with the part (`in`) and JSON pointer (`path`) it concerns. */
export function invalidRequest(part: string | undefined, issues: readonly RequestIssue[]): ApiError {
  // `path` is a JSON pointer inside `in` (body, querystring, params), so forms can put each message by its field.
  const details = issues.map((issue) => ({ in: part ?? 'request', path: issue.instancePath || '/', message: issue.message }));
  return new ApiError('validation_failed', `Invalid ${part ?? 'request'}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, details);
}

/**
 * A request as the domain gets it, read the way the server's HTTP layer reads it: path params
 * and query strings as strings (a repeated key as a list), a JSON body of at most the server's
 * size, each part checked against the contract's schemas by the server's own checker.
 */
import type { TSchema } from 'typebox';
import { ApiError } from '../../core/index.ts';
import type { Call, OperationName } from '../../domain/operations/index.ts';
import { BODY_LIMIT, invalidRequest, requestChecker, type RequestPart } from '../../domain/validation.ts';

export interface RouteSchema {
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
}

const checkers = new WeakMap<TSchema, ReturnType<typeof requestChecker>>();

function checked(schema: TSchema | undefined, part: RequestPart, input: unknown): unknown {
  if (!schema) return input;
  let check = checkers.get(schema);
  if (!check) checkers.set(schema, (check = requestChecker(schema, part)));
  const outcome = check(input);
  if ('error' in outcome) throw invalidRequest(part, outcome.error);
  return outcome.value;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

async function bodyOf(request: Request, bareBodyIsEmpty: boolean): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > BODY_LIMIT) throw new ApiError('payload_too_large', 'The request body is too large.');
  if (text === '') return bareBodyIsEmpty ? {} : undefined;
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw new ApiError('unsupported_media_type', 'Send JSON with content-type: application/json.');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.');
  }
}

/** The call `request` makes to a route of `schema`, as a guest until the adapter reads the token; a typed 4xx when a part breaks the contract. */
export async function readCall(
  schema: RouteSchema,
  request: Request,
  params: Record<string, string | readonly string[] | undefined>,
  bareBodyIsEmpty: boolean,
): Promise<Call<OperationName>> {
  const url = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await bodyOf(request, bareBodyIsEmpty);
  return {
    actor: { role: 'guest' },
    params: checked(schema.params, 'params', { ...params }),
    query: checked(schema.querystring, 'querystring', queryOf(url)),
    body: checked(schema.body, 'body', body),
    acceptLanguage: request.headers.get('accept-language') ?? undefined,
  } as Call<OperationName>;
}

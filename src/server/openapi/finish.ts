/**
 * The last pass over the document @fastify/swagger built: each operation gets its description
 * (who may call it, whether a token is needed, the refusals it may answer), its example, and
 * its refusals point at the one `ErrorBody` component. Everything comes from the contract.
 */
import { AUDIENCES, routes, type RouteName } from '../../contract/index.ts';
import { STATUS_OF, type ErrorCode } from '../../core/index.ts';

type Json = Record<string, unknown>;
interface Parameter { name: string; in: string; description?: string; example?: unknown }
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Json> };
  responses?: Record<string, Json>;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json>; responses?: Record<string, Json> };
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

/** The codes answered with each HTTP status (core's table). */
const CODES_BY_STATUS = (Object.entries(STATUS_OF) as Array<[ErrorCode, number]>).reduce<Record<number, ErrorCode[]>>((byStatus, [code, status]) => {
  (byStatus[status] ??= []).push(code);
  return byStatus;
}, {});

const codeList = (status: number): string => (CODES_BY_STATUS[status] ?? []).map((code) => `\`${code}\``).join(', ');

/** What a refusal of each status looks like, for the document's examples (the first code of the status). */
const SAMPLE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'body: must have at least 2 characters.',
  unauthorized: 'Sign in to do this.',
  forbidden: 'Only advisors confirm community answers.',
  not_found: 'Thread 42 does not exist.',
  conflict: 'This thread is closed: it takes no new replies.',
  rate_limited: 'Too many requests: try again in a minute.',
  unavailable: 'The database does not answer.',
};

/** Refusals are shared responses (`#/components/responses/Refusal400`…): one description and example each. */
const refusalRef = (status: number): Json => ({ $ref: `#/components/responses/Refusal${status}` });

function refusal(status: number): Json {
  const code = CODES_BY_STATUS[status]?.[0] ?? 'internal';
  const example = { error: { code, message: SAMPLE_MESSAGES[code] ?? 'Refused.' } };
  return { description: `Refused: ${codeList(status)}.`, content: { 'application/json': { schema: ERROR_REF, example } } };
}

function describe(name: RouteName, operation: Operation): string {
  const route = routes[name];
  const own = 'description' in route.schema ? String(route.schema.description) : undefined;
  const tokenOptional = operation.security?.some((requirement) => Object.keys(requirement).length === 0) ?? false;
  const refusals = Object.keys(route.schema).includes('response')
    ? Object.keys((route.schema as { response: Json }).response).map(Number).filter((status) => status >= 400)
    : [];
  return [
    ...(own ? [own] : []),
    `**Who may call it:** ${AUDIENCES[route.audience].text}`,
    `**Token:** ${tokenOptional ? 'optional' : 'required (a guest gets 401 `unauthorized`)'}.`,
    ...(refusals.length ? [`**Refusals** (\`ErrorBody\`): ${refusals.map((status) => `${status} ${codeList(status)}`).join('; ')}.`] : []),
  ].join('\n\n');
}

function addExample(name: RouteName, operation: Operation): void {
  const example = routes[name].example as { params?: Json; query?: Json; body?: unknown; response?: unknown };
  for (const parameter of operation.parameters ?? []) {
    const values = parameter.in === 'path' ? example.params : parameter.in === 'query' ? example.query : undefined;
    if (values && parameter.name in values) parameter.example = values[parameter.name];
  }
  const body = operation.requestBody?.content?.['application/json'];
  if (body && example.body !== undefined) body.example = example.body;
  if (example.response !== undefined) {
    const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1] as { content?: Record<string, Json> } | undefined;
    const json = success?.content?.['application/json'];
    if (json) json.example = example.response;
  }
}

function finishResponses(name: RouteName, operation: Operation): void {
  const responses = (operation.responses ??= {});
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400) responses[status] = refusalRef(Number(status));
    else response.description = routes[name].schema.summary;
  }
  if (name === 'events') {
    responses['200'] = { description: 'Server-Sent Events (`text/event-stream`): one `data:` line of JSON per live event this reader may see.', content: { 'text/event-stream': { schema: { type: 'string' } } } };
    responses['400'] = refusalRef(400);
  }
}

/**
 * OpenAPI forbids two paths that differ only by their parameters' names (`/faq/{slug}` and
 * `/faq/{articleId}`): the later one joins the earlier path, its parameter renamed there and
 * described by its contract name. The URL a client calls is the same either way.
 */
function joinIdenticalPaths(document: OpenApiDocument): void {
  const paths = document.paths ?? {};
  const byShape = new Map<string, string>();
  for (const path of Object.keys(paths)) {
    const shape = path.replace(/\{\w+\}/g, '{}');
    const earlier = byShape.get(shape);
    if (!earlier) {
      byShape.set(shape, path);
      continue;
    }
    const names = [...earlier.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const ownNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    for (const operation of Object.values(paths[path]!)) {
      for (const parameter of operation.parameters ?? []) {
        const index = parameter.in === 'path' ? ownNames.indexOf(parameter.name) : -1;
        if (index < 0 || names[index] === parameter.name) continue;
        parameter.description = `The \`${parameter.name}\` of this operation, in the place of \`${names[index]}\`.`;
        parameter.name = names[index]!;
      }
    }
    paths[earlier] = { ...paths[earlier], ...paths[path] };
    delete paths[path];
  }
}

export function finishDocument(document: OpenApiDocument): OpenApiDocument {
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const name = operation.operationId as RouteName | undefined;
      if (!name || !(name in routes)) continue;
      finishResponses(name, operation);
      addExample(name, operation);
      operation.description = describe(name, operation);
    }
  }
  joinIdenticalPaths(document);
  const components = (document.components ??= {});
  const used = new Set(Object.values(document.paths ?? {}).flatMap((pathItem) => Object.values(pathItem).flatMap((operation) => Object.keys(operation.responses ?? {}))));
  components.responses = Object.fromEntries([...used].map(Number).filter((status) => status >= 400).sort((a, b) => a - b).map((status) => [`Refusal${status}`, refusal(status)]));
  const schemas = (components.schemas ??= {});
  schemas.ErrorBody = {
    ...schemas.ErrorBody,
    description: 'Every refusal: a stable `code` to switch on, a `message` for people, and `details` where the code has more to say (the fields that failed validation, a retry delay). Besides the statuses each operation lists, a body larger than allowed answers 413 `payload_too_large`, a body that is not JSON 415 `unsupported_media_type`, and a fault on the server 500 `internal` or 503 `unavailable`.',
  };
  return document;
}

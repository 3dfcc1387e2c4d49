/**
 * The OpenAPI document as tools use it: every contract route is an operation named after it,
 * tagged by its area, with its audience, token and example; every example is valid against its
 * schema; Redocly CLI's recommended lint finds no error; the reference page is served.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AUDIENCES, ErrorBody, routeAreas, routes, type RouteName } from '../../../src/contract/index.ts';
import { STATUS_OF } from '../../../src/core/index.ts';
import { DOCS_CSP } from '../../../src/server/openapi/docs-page.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

interface Operation { operationId: string; tags: string[]; description: string; security: object[]; parameters?: Array<{ name: string; example?: unknown }>; requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, Response> }
type Response = { $ref?: string; content?: Record<string, { example?: unknown; schema?: { $ref?: string } }> };
type Document = { paths: Record<string, Record<string, Operation>>; tags: Array<{ name: string }>; components: { schemas: Record<string, unknown>; responses: Record<string, Response> } };

let server: TestServer;
let document: Document;
const operations = new Map<string, Operation>();

before(async () => {
  server = await createTestServer({ demo: true });
  document = (await server.app.inject({ url: '/api/openapi.json' })).json();
  for (const pathItem of Object.values(document.paths)) for (const operation of Object.values(pathItem)) operations.set(operation.operationId, operation);
});
after(() => server.close());

const areaOf = (name: RouteName) => Object.entries(routeAreas).find(([, area]) => name in area.routes)![0];
type Example = { params?: unknown; query?: unknown; body?: unknown; response?: unknown };

describe('OpenAPI document', { timeout: 120_000 }, () => {
  it('has one operation per contract route, named after it, tagged by its area, saying who may call it', () => {
    assert.deepEqual([...operations.keys()].sort(), Object.keys(routes).sort());
    assert.deepEqual(document.tags.map((tag) => tag.name).sort(), Object.keys(routeAreas).sort());
    for (const [name, route] of Object.entries(routes) as Array<[RouteName, (typeof routes)[RouteName]]>) {
      const operation = operations.get(name)!;
      assert.deepEqual(operation.tags, [areaOf(name)], name);
      assert.ok(operation.description.includes(AUDIENCES[route.audience].text), name);
      // The token is optional exactly where guests are in the declared audience (the server's gate agrees).
      const tokenOptional = operation.security.some((requirement) => Object.keys(requirement).length === 0);
      assert.equal(tokenOptional, (AUDIENCES[route.audience].roles as readonly string[]).includes('guest'), name);
      assert.ok(operation.security.some((requirement) => 'bearer' in requirement), name);
    }
  });

  it('answers every refusal with the ErrorBody component', () => {
    for (const operation of operations.values()) {
      const refusals = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      assert.ok(refusals.length > 0, operation.operationId);
      for (const [status, response] of refusals) {
        // A shared response per status, its content the ErrorBody component with an example of one of the status's codes.
        assert.equal(response.$ref, `#/components/responses/Refusal${status}`, operation.operationId);
        const json = document.components.responses[`Refusal${status}`]!.content?.['application/json'];
        assert.equal(json?.schema?.$ref, '#/components/schemas/ErrorBody');
        const example = json?.example as ErrorBody;
        assert.ok(Value.Check(ErrorBody, example), status);
        assert.equal(STATUS_OF[example.error.code], Number(status), status);
      }
    }
    assert.ok(document.components.schemas.ErrorBody);
  });

  it('gives every operation an example, valid against the contract’s schema, and shows it', () => {
    for (const [name, route] of Object.entries(routes) as Array<[RouteName, (typeof routes)[RouteName]]>) {
      const example = route.example as Example;
      const schema = route.schema as { params?: TSchema; querystring?: TSchema; body?: TSchema; response?: Record<number, TSchema> };
      assert.ok(Object.keys(example).length > 0, `${name} has no example`);
      const parts: Array<[unknown, TSchema | undefined, string]> = [[example.params, schema.params, 'params'], [example.query, schema.querystring, 'query'], [example.body, schema.body, 'body']];
      const success = Object.entries(schema.response ?? {}).find(([status]) => Number(status) < 300)?.[1];
      parts.push([example.response, success, 'response']);
      for (const [value, partSchema, part] of parts) {
        if (value === undefined) continue;
        assert.ok(partSchema, `${name}: an example of ${part}, which it does not take`);
        assert.ok(Value.Check(partSchema, value), `${name}: its ${part} example is refused: ${JSON.stringify([...Value.Errors(partSchema, value)].slice(0, 2))}`);
      }
      const operation = operations.get(name)!;
      const shown = [
        ...(operation.parameters ?? []).map((parameter) => parameter.example),
        operation.requestBody?.content['application/json']?.example,
        ...Object.values(operation.responses).map((response) => response.content?.['application/json']?.example),
      ].filter((value) => value !== undefined);
      assert.ok(shown.length > 0, `${name}: no example in the document`);
    }
  });

  it('passes Redocly CLI’s recommended lint with no error', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'entraide-openapi-'));
    try {
      const file = join(directory, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
      // Exit code 1 when a problem is an error: read the report either way.
      const { stdout } = await promisify(execFile)('node_modules/.bin/redocly', ['lint', '--config', 'redocly.yaml', '--format', 'json', file], { env }).catch((error: { stdout: string }) => error);
      const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; severity: string }> };
      const errors = report.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message}`);
      assert.deepEqual(errors, []);
      console.log(`redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('serves the API reference page and its files under their own CSP', async () => {
    const page = await server.app.inject({ url: '/api/docs' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.equal(page.headers['content-security-policy'], DOCS_CSP);
    assert.match(page.body, /<script src="docs\/swagger-ui-bundle.js"><\/script>/);
    assert.doesNotMatch(page.body, /<script>/, 'no inline script');
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'init.js', 'page.css']) {
      const response = await server.app.inject({ url: `/api/docs/${file}` });
      assert.equal(response.statusCode, 200, file);
      assert.ok(response.body.length > 20, file);
    }
    const unknown = await server.app.inject({ url: '/api/docs/package.json' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'not_found');
  });
});

/**
 * The SDK examples (`examples/sdk/*.ts`) run against a real demo-mode server, each as its own
 * Node process, so an example that stops compiling or working fails here instead of rotting.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestServer, type TestServer } from '../helpers/server.ts';

const run = promisify(execFile);
const EXAMPLES = fileURLToPath(new URL('../../examples/sdk/', import.meta.url));

/** Each example and a line its output must contain. */
const EXPECTED: Record<string, RegExp> = {
  'read-forum.ts': /categories/,
  'community.ts': /^categories: \d+, unknown id answers not_found$/m,
  'threads.ts': /^created thread \d+: 1 post, status open$/m,
  'posts.ts': /^kudos: 1, thread solved, solution accepted$/m,
  'members.ts': /^profile credits: \d+ accepted, \d+ confirmed by advisors, \d+ kudos$/m,
  'faq.ts': /^faq articles: [1-9]\d*;/m,
  'search.ts': /^search ".+": \d+ hits/m,
  'private.ts': /^private conversation closed; outcome posted publicly as post \d+$/m,
  'review.ts': /^draft posted as post \d+, assisted by \S+/m,
  'agent.ts': /^queue: \d+ items, \d+ collective alerts/m,
  'incidents.ts': /^incident resolved after 1 update\(s\)$/m,
  'metrics.ts': /^community share of first answers: /m,
  'audit.ts': /^audit entries: [1-9]/m,
  'moderation.ts': /^thread closed, then (open|answered)$/m,
  'events.ts': /^live event: post-created on thread \d+$/m,
};

let server: TestServer;

before(async () => {
  server = await createTestServer({ listen: true, demo: true });
});
after(() => server.close());

describe('SDK examples', { timeout: 600_000 }, () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} runs and prints what it promises`, async () => {
      const { stdout } = await run(process.execPath, [`${EXAMPLES}${file}`], {
        env: { ...process.env, ENTRAIDE_URL: `${server.url}/api` },
        timeout: 30_000,
      }).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
        assert.fail(`${file} exited with ${error.code}:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
      });
      assert.match(stdout, expected);
    });
  }
});

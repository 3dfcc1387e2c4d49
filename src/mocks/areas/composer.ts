/**
 * The "composer" area of the mocks (src/contract/areas/composer.ts): the markdown preview,
 * members only, with the server's limits. It renders with the mocks' own small renderer
 * (../render.ts), which escapes everything first, so a preview here is as safe as the server's.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import { LIMITS } from '../../core/index.ts';
import { readBody, requireMember, type MockContext } from '../http.ts';
import { renderBody } from '../render.ts';
import { MockApiError } from '../store.ts';

/** The server's checks: the schema's raw length limits, then at least `bodyMin` characters that are not spaces. */
function previewableBody(raw: string): string {
  const body = raw.trim();
  if (raw.length > LIMITS.bodyMax) throw tooLong();
  if (raw.length < LIMITS.bodyMin || body.length < LIMITS.bodyMin) {
    throw new MockApiError(400, 'validation_failed', `body needs at least ${LIMITS.bodyMin} characters that are not spaces.`, [{ path: '/body', message: 'too short' }]);
  }
  return body;
}

const tooLong = () =>
  new MockApiError(400, 'validation_failed', `body must be at most ${LIMITS.bodyMax} characters long.`, [{ path: '/body', message: 'too long' }]);

export function composerHandlers({ store, route }: MockContext): HttpHandler[] {
  return [
    route('previewMarkdown', async ({ request }) => {
      requireMember(store, request);
      const { body } = await readBody(request, { body: 'string' }, ['body']);
      return HttpResponse.json({ html: renderBody(previewableBody(String(body))) });
    }),
  ];
}

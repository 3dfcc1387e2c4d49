import type { PreviewBody } from '../../contract/areas/composer.ts';
import type { Http, RequestOptions } from '../http.ts';
import { previewMarkdown } from '../routes/index.ts';

/** Joined into `client.posts`: what the composer asks before anything is posted. */
export const composerResource = (http: Http) => ({
  /**
   * A body rendered by the server exactly as posting it would store it (sanitized HTML, safe
   * to insert). Members only; writes nothing. Pass `signal` to drop a preview no longer wanted.
   */
  preview: (input: PreviewBody, request: RequestOptions = {}) => http.call(previewMarkdown, { body: input }, request),
});

/**
 * The "composer" area (see src/contract/areas/composer.ts). The preview goes through the same
 * trim, minimum and renderer as `createThread`/`replyToThread`, so what a member previews is what
 * would be stored; it reads and writes no table.
 */
import { ApiError, isSignedIn, LIMITS } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { Operations } from './operation.ts';

export const composerOperations: Operations<'previewMarkdown'> = {
  previewMarkdown: {
    run: async (_ctx, { actor, body: { body: text } }) => {
      // The adapters' gate already refused guests; this keeps the rule visible where it applies.
      if (!isSignedIn(actor)) throw new ApiError('unauthorized', 'Sign in to preview a post.');
      const body = text.trim();
      if (body.length < LIMITS.bodyMin) {
        throw new ApiError('validation_failed', `body needs at least ${LIMITS.bodyMin} characters that are not spaces.`, [{ path: '/body', message: 'too short' }]);
      }
      return { html: renderMarkdown(body) };
    },
  },
};

/**
 * Routes of the "composer" area: what the composer needs before anything is posted; merged
 * into `routes` by ../routes.ts. The preview is rendered by the server's own markdown renderer
 * so it shows exactly what posting would store, and no markdown library reaches the browser.
 */
import { Type, type Static } from 'typebox';
import { LIMITS } from '../../core/index.ts';
import { errorResponses } from '../common.ts';

const errors = errorResponses;

/** The same limits as a post's body (`NewReply`, `NewThread`). */
export const PreviewBody = Type.Object(
  { body: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }) },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBody>;

export const PreviewResult = Type.Object({
  /** Rendered and sanitized exactly as a post's `bodyHtml`: safe to insert as HTML. */
  html: Type.String(),
});
export type PreviewResult = Static<typeof PreviewResult>;

export const composerRoutes = {
  previewMarkdown: {
    method: 'POST',
    url: '/preview',
    audience: 'members',
    example: { body: { body: 'Un **aperçu**.' } },
    schema: {
      summary: 'Renders a post body as it would be stored (members only; writes nothing)',
      body: PreviewBody,
      response: { 200: PreviewResult, ...errors },
    },
  },
} as const;

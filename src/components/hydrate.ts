/**
 * The entry of server-rendered pages (`dist/entraide-ssr.min.js`): Lit's hydration support
 * first (it must be installed before any element class is defined), then the same elements as
 * `entraide.min.js`. A page loads one of the two bundles, never both.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './internal/define-in-turn.ts';
import { renderConfirmation } from './post/confirmation.ts';
import { setConfirmationRenderer } from './post/post.ts';

export * from './index.ts';

// The server drew confirmation credits in the first render: hydration must draw them too.
setConfirmationRenderer(renderConfirmation);

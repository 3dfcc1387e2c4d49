/**
 * The CDN file (`dist/entraide.min.js`): the `entraide` entry, plus the autoloader, so that any
 * `entraide-*` tag of the page, now or later, gets its element (./internal/autoloader.ts).
 * Bundlers import `entraide` instead and load what they use.
 */
import { autoload } from './internal/autoloader.ts';

export * from './index.ts';
export { autoload };

autoload(document);

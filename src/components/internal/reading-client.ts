/**
 * Imported for its effect by the chunks whose elements read past the first page (incident
 * banner, search, FAQ cards): the element clients gain those resources before they render.
 */
import { installReadingResources } from '../../sdk/reading.ts';
import { enableResources } from './clients.ts';

enableResources(installReadingResources);

/** The states every administration tab shows, shared by their stories: loading, a failed load, a refusal. */
import type { StoryObj } from '@storybook/web-components-vite';
import { DEMO_PEOPLE } from '../../src/mocks/index.ts';
import { FOREVER, type EntraideStoryParameters } from './mock-api.ts';

const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The tab's stories beyond its default, for the tab whose data `loadRoute` (a contract route name) reads. */
export function adminTabStates(loadRoute: string): Record<'Loading' | 'LoadFails' | 'Refused', StoryObj> {
  return {
    Loading: { parameters: entraide({ mock: { latency: FOREVER } }) },
    // The story says `tags: ['expected-http-error']` itself: Storybook's indexer reads tags from the story file's own text.
    LoadFails: { parameters: entraide({ mock: { failures: { [loadRoute]: 500 } } }) },
    Refused: { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) },
  };
}

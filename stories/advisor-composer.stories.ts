import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideAdvisorComposer } from '../src/components/advisor-composer/advisor-composer.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the mock community to answer (1: solved, French; 2: answered by a member, English). */
  threadId: number;
}

/** The thread and its posts as the thread element would pass them, read from the story's mock community. */
function render({ threadId }: Args, { loaded }: { loaded: Record<string, unknown> }) {
  const api = loaded.api as MockApi;
  const { store } = api.forum;
  const thread = store.summary(threadId);
  const posts = store.postsOf(threadId).map((post) => store.postView(post));
  return withSession(api, html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`);
}

const meta: Meta<Args> = {
  title: 'Advisor workspace/Advisor composer',
  component: 'entraide-advisor-composer',
  render,
  args: { threadId: 2 },
  parameters: { entraide: { signedInAs: MEMBERS.lea } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** A fresh reply: the greeting to everyone and the asker is already there; tick rosier's reply to confirm and credit it. */
export const Greeting: Story = {};

/** In French, on the solved network thread where Léa already wrote. */
export const French: Story = { args: { threadId: 1 }, globals: { locale: 'fr' } };

async function typeIn(canvas: HTMLElement, text: string): Promise<EntraideAdvisorComposer> {
  const composer = canvas.querySelector<EntraideAdvisorComposer>('entraide-advisor-composer')!;
  await composer.updateComplete;
  const area = composer.shadowRoot!.querySelector<HTMLTextAreaElement>('#body')!;
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await composer.updateComplete;
  return composer;
}

/** Every writing tip at once: one addressee, jargon, a move to private messages. */
export const WritingTips: Story = {
  play: async ({ canvasElement }) => {
    await typeIn(canvasElement, 'Hello sam_uk,\nCheck the APN and the PUK code, then send me a private message with your number.');
  },
};

/** A confirmation ready to send: rosier's reply cited, its line inserted under the greeting. */
export const ConfirmAndCredit: Story = {
  play: async ({ canvasElement }) => {
    const composer = await typeIn(canvasElement, 'Hello everyone, @sam_uk\n');
    composer.shadowRoot!.querySelector<HTMLInputElement>('#cite-6')!.click();
  },
};

/** FAQ suggestions and the signature still loading. */
export const Loading: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.lea, mock: { latency: FOREVER } } satisfies EntraideStoryParameters },
};

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };

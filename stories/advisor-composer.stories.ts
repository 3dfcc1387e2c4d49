import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideAdvisorComposer } from '../src/components/advisor-composer/advisor-composer.ts';
import type { ThreadDetail } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the demo community to answer (english: answered by a member; solved: French, an advisor already confirmed). */
  thread: DemoThreadName;
}

/** The thread and its posts as the thread element would pass them, read (before any latency) from the story's mock community. */
function render(_args: Args, { loaded }: { loaded: Record<string, unknown> }) {
  const api = loaded.api as MockApi;
  const { thread, posts } = api.data as ThreadDetail;
  return withSession(api, html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`);
}

const entraide = (extra: EntraideStoryParameters = {}): EntraideStoryParameters => ({
  signedInAs: DEMO_PEOPLE.technicalAdvisor,
  setup: async ({ demo, as }, args) => (await as(DEMO_PEOPLE.technicalAdvisor)).threads.get(demo.threads[(args as unknown as Args).thread]),
  ...extra,
});

const meta: Meta<Args> = {
  title: 'Advisor workspace/Advisor composer',
  component: 'entraide-advisor-composer',
  render,
  args: { thread: 'english' },
  argTypes: { thread: { control: 'select', options: DEMO_THREAD_NAMES } },
  parameters: { entraide: entraide() },
};

export default meta;
type Story = StoryObj<Args>;

/** A fresh reply: the greeting to everyone and the asker is already there; tick a member's reply to confirm and credit it. */
export const Greeting: Story = {};

/** In French, on a solved thread where an advisor already confirmed the accepted answer. */
export const French: Story = { args: { thread: 'solved' }, globals: { locale: 'fr' } };

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

/** A confirmation ready to send: the first member reply cited, its line inserted under the greeting. */
export const ConfirmAndCredit: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { thread, posts } = (loaded.api as MockApi).data as ThreadDetail;
    const composer = await typeIn(canvasElement, `Hello everyone, @${thread.author.pseudonym}\n`);
    const reply = posts.find((post) => post.kind === 'reply' && post.author.role === 'member' && post.author.id !== thread.author.id)!;
    composer.shadowRoot!.querySelector<HTMLInputElement>(`#cite-${reply.id}`)!.click();
  },
};

/** FAQ suggestions and the signature still loading. */
export const Loading: Story = {
  parameters: { entraide: entraide({ mock: { latency: FOREVER } }) },
};

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http } from 'msw';
import '../src/components/inbox/inbox.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi, type StorySetupContext } from './support/mock-api.ts';

interface Args {
  /** Show the conversation the advisor opened rather than the list. */
  open: boolean;
  /** The advisor closed it with an outcome. */
  closed: boolean;
}

/**
 * An advisor takes the demo's unanswered question into private, with a first message; the asker
 * answers once and the advisor once more (the asker has not read it yet), closed if asked.
 */
async function handOff({ as, demo }: StorySetupContext, { closed }: Args): Promise<number> {
  const advisor = await as(DEMO_PEOPLE.technicalAdvisor);
  const { conversation } = await advisor.private.open(demo.threads.unanswered, { message: 'Bonjour, pour vérifier votre ligne, pouvez-vous me confirmer **la date de votre dernière facture** ?' });
  await (await as(demo.askers.unanswered)).private.send(conversation.id, 'Bonjour, elle date du 3 du mois.');
  await advisor.private.send(conversation.id, 'Merci, je regarde et je reviens vers vous ici.');
  if (closed) await advisor.private.close(conversation.id, { outcome: 'La ligne est rétablie.' });
  return conversation.id;
}

const meta: Meta<Args> = {
  title: 'Elements/Inbox',
  component: 'entraide-inbox',
  render: ({ open }, { loaded }) => {
    const api = loaded.api as MockApi;
    const conversationId = open ? (api.data as number) : 0;
    return withSession(api, html`<entraide-inbox conversation-id=${conversationId} poll-seconds="0"></entraide-inbox>`);
  },
  args: { open: false, closed: false },
  parameters: {
    entraide: { signedInAs: ({ demo }) => demo.askers.unanswered, setup: (setup, args) => handOff(setup, args as unknown as Args) } satisfies EntraideStoryParameters,
  },
};

export default meta;
type Story = StoryObj<Args>;
const entraide = (extra: EntraideStoryParameters) => ({ entraide: extra });

/** The asker's inbox: the conversation an advisor opened from their question, with a "new" marker. */
export const List: Story = {};

/** A member with no private conversation. */
export const Empty: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.topHelper }) };

/** Advisors see every conversation, each with its asker. */
export const AdvisorList: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.commercialAdvisor }), globals: { locale: 'en' } };

/** The open conversation: messages, and the reply form under the composer's limits. */
export const ConversationOpen: Story = { args: { open: true } };

/** The reply the play functions send (the `Sending` story holds only this one back). */
const SENT_BY_PLAY = 'Voici la capture de l’écran de mon téléphone.';

/** Types `text` into the open conversation's reply field and sends it, as the asker would. */
async function answer({ canvasElement }: { canvasElement: HTMLElement }, text = SENT_BY_PLAY): Promise<void> {
  const inbox = canvasElement.querySelector('entraide-inbox')!;
  const field = await waitFor(() => inbox.shadowRoot?.querySelector<HTMLTextAreaElement>('#reply'));
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await inbox.updateComplete;
  inbox.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
  await inbox.updateComplete;
}

/** What `find` returns once it is there (the conversation loads after the first render). */
async function waitFor<T>(find: () => T | null | undefined, timeoutMs = 10_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await new Promise((done) => setTimeout(done, 50))) {
    const found = find();
    if (found) return found;
  }
  throw new Error('not found in time');
}

/** Sending a reply: the field is read-only and the button says "sending" until the server answers (it never does here). */
export const Sending: Story = {
  args: { open: true },
  // Only the play's message hangs: the story's setup writes through the same worker.
  parameters: { msw: [http.post('/api/private/:conversationId/messages', async ({ request }) => ((await request.clone().json()) as { body?: string }).body === SENT_BY_PLAY ? delay('infinite') : undefined)] },
  play: (context) => answer(context),
};

/** Sending fails (500): the text stays in the field, and the error says so next to it. */
export const SendFails: Story = {
  args: { open: true },
  parameters: entraide({ mock: { failures: { postPrivateMessage: 500 } } }),
  tags: ['expected-http-error'],
  play: (context) => answer(context),
};

/** A closed conversation: read-only, with the outcome posted on the thread. */
export const ConversationClosed: Story = { args: { open: true, closed: true } };

/** English strings and dates. */
export const English: Story = { args: { open: true }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { args: { open: true }, globals: { theme: 'dark' } };

/** While the list loads. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The list could not be loaded (500): the error offers a retry. */
export const LoadError: Story = { parameters: entraide({ mock: { failures: { listPrivate: 500 } } }), tags: ['expected-http-error'] };

/** Someone else's conversation (or none): "not found", no retry. */
export const NotYours: Story = { args: { open: true }, parameters: entraide({ signedInAs: DEMO_PEOPLE.topHelper }), tags: ['expected-http-error'] };

/** Guests are asked to sign in. */
export const Guest: Story = { parameters: entraide({ signedInAs: null }) };

/** The live stream is down: a quiet "reconnecting" line under the conversation; a slow poll brings new messages meanwhile. */
export const Reconnecting: Story = { args: { open: true }, parameters: entraide({ mock: { failures: { events: 503 } } }), tags: ['expected-http-error'] };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/composer/composer.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';
import { typeAndSend } from './support/play.ts';
import type { EntraideComposer } from '../src/components/composer/composer.ts';

interface Args {
  mode: 'thread' | 'reply';
  /** Category of a new question (its slug in the demo community). */
  category: string;
  /** Thread of a reply (see stories/support/demo.ts). */
  thread: DemoThreadName;
  /** Address of a suggested FAQ article, `{slug}` replaced. */
  faqHrefTemplate: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Composer',
  component: 'entraide-composer',
  render: ({ mode, category, thread, faqHrefTemplate }, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-composer mode=${mode} category-id=${api.demo.categories[category]!} thread-id=${api.demo.threads[thread]}
      faq-href-template=${faqHrefTemplate}></entraide-composer>`);
  },
  args: { mode: 'reply', category: 'assistance-technique', thread: 'unanswered', faqHrefTemplate: 'https://aide.example/faq/{slug}' },
  argTypes: { mode: { control: 'inline-radio', options: ['thread', 'reply'] }, thread: { control: 'select', options: DEMO_THREAD_NAMES } },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** Replying to a thread; Ctrl+Enter sends. Drafts are kept in localStorage until stored. */
export const Reply: Story = {};

/** Asking a new question: title and body. */
export const NewQuestion: Story = { args: { mode: 'thread' } };

const REPLY = 'Bonjour,\nRedémarrez le téléphone avec la carte SIM en place, puis patientez 24 h.';

/** Sending: the button is disabled and says so until the server answers (it never does here). */
export const Sending: Story = {
  parameters: { entraide: { mock: { latency: FOREVER } } satisfies EntraideStoryParameters },
  play: ({ canvasElement }) => typeAndSend(canvasElement, REPLY),
};

/** Sending fails (500): the text stays, and the error shows next to the field. */
export const SendFails: Story = {
  parameters: { entraide: { mock: { failures: { replyToThread: 500 } } } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
  play: ({ canvasElement }) => typeAndSend(canvasElement, REPLY),
};

/** Too short: checked before anything is sent, the error is next to the field. */
export const TooShort: Story = {
  args: { mode: 'thread' },
  play: ({ canvasElement }) => typeAndSend(canvasElement, 'Aide', 'SIM'),
};

/** A draft from an earlier visit is restored, with a note. */
export const DraftRestored: Story = {
  parameters: {
    entraide: { draft: ({ demo }) => ({ mode: 'reply', id: demo.threads.unanswered, body: 'Bonjour,\nJ’avais commencé à écrire ceci hier…' }) } satisfies EntraideStoryParameters,
  },
};

/** In English. */
export const English: Story = { args: { mode: 'thread' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { args: { mode: 'thread' }, globals: { theme: 'dark' } };

/** The canvas's composer, rendered. */
async function composerIn(canvas: HTMLElement): Promise<EntraideComposer> {
  const composer = canvas.querySelector<EntraideComposer>('entraide-composer');
  if (!composer) throw new Error('no <entraide-composer> in the story');
  await composer.updateComplete;
  return composer;
}

/** Types into a field as a reader would (caret at the end). */
async function fill(canvas: HTMLElement, name: 'title' | 'body', value: string): Promise<EntraideComposer> {
  const composer = await composerIn(canvas);
  const field = composer.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await composer.updateComplete;
  return composer;
}

const MARKDOWN = 'Bonjour,\n\nAllez dans **Réglages > Réseau mobile**, puis voyez [la FAQ réseau](https://example.com/faq/reseau).\nLe code `888` réactive la messagerie.';

async function openPreview(canvas: HTMLElement): Promise<void> {
  const composer = await fill(canvas, 'body', MARKDOWN);
  composer.shadowRoot!.querySelector<HTMLButtonElement>('#tab-preview')!.click();
}

/** The Preview tab: the body as the server will publish it (rendered and sanitized there). */
export const Preview: Story = { play: ({ canvasElement }) => openPreview(canvasElement) };

/** The preview cannot be prepared (500): the text is kept, Retry asks again. */
export const PreviewFails: Story = {
  parameters: { entraide: { mock: { failures: { previewMarkdown: 500 } } } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
  play: ({ canvasElement }) => openPreview(canvasElement),
};

/** `@` plus letters offers the thread's participants, asker first; ↑/↓ then Enter or Tab inserts. */
export const MentionListOpen: Story = {
  args: { thread: 'example' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'body', 'Bonjour à tous,\n@a');
  },
};

/** While the title is typed, FAQ articles and solved threads that may already answer it. */
export const Suggestions: Story = {
  args: { mode: 'thread' },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.asker } satisfies EntraideStoryParameters },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'title', 'Ma messagerie vocale ne marche plus');
  },
};

/** A question that needs the customer's account: an advisor takes it on at once; nothing private is written. */
export const NeedsAccount: Story = {
  args: { mode: 'thread', category: 'facturation' },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.asker } satisfies EntraideStoryParameters },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'title', 'Double prélèvement sur ma facture');
    const composer = await fill(canvasElement, 'body', 'J’ai été prélevée deux fois ce mois-ci.');
    composer.shadowRoot!.querySelector<HTMLInputElement>('#needs-account')!.click();
  },
};

/** A 20,412-character paste: kept whole, counted against the limit, sending refused with the reason (and said once to screen readers). */
export const OverTheLimit: Story = {
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector<EntraideComposer>('entraide-composer')!;
    await composer.updateComplete;
    const body = composer.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!;
    body.value = `${REPLY}\n${'Détail du problème. '.repeat(1018)}`.slice(0, 20_412);
    body.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    await composer.updateComplete;
  },
};

/** The same, in English. */
export const OverTheLimitEnglish: Story = { ...OverTheLimit, globals: { locale: 'en' } };

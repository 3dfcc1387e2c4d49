import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/composer/composer.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';
import { typeAndSend } from './support/play.ts';

interface Args {
  mode: 'thread' | 'reply';
  /** Category of a new question. */
  categoryId: number;
  /** Thread of a reply. */
  threadId: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Composer',
  component: 'entraide-composer',
  render: ({ mode, categoryId, threadId }, { loaded }) =>
    withSession(loaded.api as MockApi, html`<entraide-composer mode=${mode} category-id=${categoryId} thread-id=${threadId}></entraide-composer>`),
  args: { mode: 'reply', categoryId: 3, threadId: 4 },
  argTypes: { mode: { control: 'inline-radio', options: ['thread', 'reply'] } },
  parameters: { entraide: { signedInAs: MEMBERS.pix37 } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** Replying to a thread; Ctrl+Enter sends. Drafts are kept in localStorage until stored. */
export const Reply: Story = {};

/** Asking a new question: title and body. */
export const NewQuestion: Story = { args: { mode: 'thread' } };

const REPLY = 'Bonjour @Nadia_B,\nRedémarrez le téléphone avec la carte SIM en place, puis patientez 24 h.';

/** Sending: the button is disabled and says so until the server answers (it never does here). */
export const Sending: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.pix37, mock: { latency: FOREVER } } satisfies EntraideStoryParameters },
  play: ({ canvasElement }) => typeAndSend(canvasElement, REPLY),
};

/** Sending fails (500): the text stays, and the error shows next to the field. */
export const SendFails: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.pix37, mock: { failures: { replyToThread: 500 } } } satisfies EntraideStoryParameters },
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
  parameters: { entraide: { signedInAs: MEMBERS.pix37, draft: { mode: 'reply', id: 4, body: 'Bonjour,\nJ’avais commencé à écrire ceci hier…' } } satisfies EntraideStoryParameters },
};

/** In English. */
export const English: Story = { args: { mode: 'thread' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { args: { mode: 'thread' }, globals: { theme: 'dark' } };

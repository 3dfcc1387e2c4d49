import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-confirm.ts';
import type { ConfirmRequest, EntraideAdvisorConfirm } from '../src/components/advisor-tools/advisor-confirm.ts';
import { waitForDeep } from './support/play.ts';

interface Args {
  /** What the dialog asks: its title, message, confirm label and optional field. */
  request: ConfirmRequest;
}

const meta: Meta<Args> = {
  title: 'Advisor/Advisor tools/Confirmation',
  component: 'entraide-advisor-confirm',
  render: () => html`<entraide-advisor-confirm></entraide-advisor-confirm>`,
  args: {
    request: {
      title: 'Fermer la discussion ?', message: 'Les membres ne pourront plus y répondre.', confirmLabel: 'Fermer',
      field: { label: 'Motif (visible dans le journal)', required: true, minLength: 2 },
    },
  },
  // The dialog opens when an action asks: `ask(request)` resolves with the text, or null on cancel.
  play: async ({ canvasElement, args }) => {
    const dialog = await waitForDeep<EntraideAdvisorConfirm>(canvasElement, 'entraide-advisor-confirm');
    void dialog.ask(args.request);
    await waitForDeep(canvasElement, 'dialog[open]');
  },
};

export default meta;
type Story = StoryObj<Args>;

/** A reason asked before closing a thread. */
export const WithReason: Story = {};

/** A question with no field (archive). */
export const NoField: Story = { args: { request: { title: 'Archiver la discussion ?', message: 'Elle sortira des listes.', confirmLabel: 'Archiver' } } };

/** A multi-line outcome with a 20-character limit, already over it: the count says so and confirming waits. */
export const OverLimit: Story = {
  args: { request: { title: 'Clore la conversation privée', message: 'Le résultat apparaîtra dans la trace publique.', confirmLabel: 'Clore', field: { label: 'Résultat', required: true, maxLength: 20, multiline: true } } },
  play: async ({ canvasElement, args }) => {
    const dialog = await waitForDeep<EntraideAdvisorConfirm>(canvasElement, 'entraide-advisor-confirm');
    void dialog.ask(args.request);
    const field = await waitForDeep<HTMLTextAreaElement>(canvasElement, '#confirm-field');
    field.value = 'Remboursement effectué sur la prochaine facture';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitForDeep(canvasElement, '[part="limit"]');
  },
};

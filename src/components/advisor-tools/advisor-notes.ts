import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { StaffNote } from '../../sdk/types.ts';
import { can, workspaceRules } from '../../core/index.ts';
import { formatDateTime } from '../internal/format.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { AdvisorPart } from './advisor-part.ts';
import styles from './advisor-tools.styles.ts';
import '../internal/staff-client.ts';

const NOTE_MAX = 5000;

/**
 * @summary Staff-only notes on the thread (never shown to members, not even the asker): the
 * list, oldest first, and a markdown field the server renders.
 *
 * @tag entraide-advisor-notes
 *
 * @csspart notes - The list of notes.
 * @csspart note - Each note.
 * @csspart form - The new-note form.
 * @csspart feedback - What the last action did, or why the server refused it.
 *
 * @fires {EntraideThreadModeratedEvent} entraide-thread-moderated - A note was added.
 */
export class EntraideAdvisorNotes extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  @state() protected added: StaffNote[] = [];
  /** The note's length as typed (the field is not bound: adding empties it). */
  @state() protected noteLength = 0;

  readonly #limit = new LengthLimitController(this);

  protected override willUpdate(): void {
    this.#limit.track(this.resolvedLocale, this.noteLength, NOTE_MAX);
  }

  readonly #notes = new Task(this, {
    args: () => [this.client, this.thread?.id, can(this.actor, workspaceRules.seeStaffNotes)] as const,
    task: async ([client, threadId, allowed], { signal }) => {
      this.added = [];
      if (!threadId || !allowed) return [] as StaffNote[];
      return (await client.threads.notes(threadId, { signal })).items;
    },
  });

  readonly #add = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const threadId = this.thread?.id;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#note-body');
    const body = field?.value.trim() ?? '';
    if (!threadId || !field || !body) return field?.focus();
    if (field.value.length > NOTE_MAX) return;
    const note = await this.act(() => this.client.threads.addNote(threadId, body));
    if (!note) return;
    field.value = '';
    this.noteLength = 0;
    this.added = [...this.added, note];
    this.feedback = { tone: 'done', text: this.s.noteAdded };
    this.changed('note');
  };

  readonly #onNoteInput = (event: Event): void => {
    this.noteLength = (event.target as HTMLTextAreaElement).value.length;
  };

  protected override render() {
    if (!this.thread || !can(this.actor, workspaceRules.seeStaffNotes)) return nothing;
    const { s } = this;
    const overLimit = overLimitReason(this.resolvedLocale, this.noteLength, NOTE_MAX);
    return html`
      <section class="panel" aria-labelledby="notes-heading">
        <h4 id="notes-heading">${s.notesHeading}</h4>
        ${this.#notes.render({
          pending: () => html`<p class="muted" role="status">${s.loading}</p>`,
          complete: (notes) => this.#renderNotes([...notes, ...this.added]),
          error: (error) => html`<p class="error" role="alert">${this.failureText(error)}
            <button class="button secondary" type="button" @click=${() => void this.#notes.run()}>${s.retry}</button></p>`,
        })}
        ${can(this.actor, workspaceRules.writeStaffNotes)
          ? html`<form class="row" part="form" @submit=${this.#add}>
              <div class="field">
                <label for="note-body">${s.noteLabel}</label>
                <textarea id="note-body" rows="2" aria-describedby="note-count" aria-invalid=${overLimit ? 'true' : 'false'} @input=${this.#onNoteInput}></textarea>
                ${limitNote(this.resolvedLocale, this.noteLength, NOTE_MAX, this.#limit, 'note-count')}
              </div>
              <button class="button" type="submit" data-action="add-note" aria-disabled=${this.busy ? 'true' : 'false'} ?disabled=${overLimit !== ''}
                aria-describedby=${overLimit ? 'note-limit' : nothing}>${s.addNote}</button>
              ${overLimit ? html`<span class="error" part="limit" id="note-limit">${overLimit}</span>` : nothing}
            </form>`
          : nothing}
        ${this.renderFeedback()}
      </section>
    `;
  }

  #renderNotes(notes: StaffNote[]) {
    if (!notes.length) return html`<p class="muted">${this.s.notesEmpty}</p>`;
    return html`<ol part="notes">${notes.map((note) => html`
      <li class="item" part="note">
        <p class="muted">${note.author.pseudonym} · <time datetime=${note.createdAt}>${formatDateTime(this.resolvedLocale, note.createdAt)}</time></p>
        <!-- bodyHtml is rendered and sanitized by the server. -->
        <div class="body">${unsafeHTML(note.bodyHtml)}</div>
      </li>`)}</ol>`;
  }
}

EntraideAdvisorNotes.define('entraide-advisor-notes');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-notes': EntraideAdvisorNotes;
  }
}

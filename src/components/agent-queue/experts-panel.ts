/**
 * The expert nudges panel of a queue item in community time: members who usually answer this
 * kind of question (`agent.experts`), and "notify" through the workspace's expert-nudge route.
 */
import { html, nothing } from 'lit';
import type { ExpertList } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { ConsoleStrings } from '../agent-console/strings.ts';
import '../internal/staff-client.ts';

export interface ExpertsState {
  threadId: number;
  list?: ExpertList;
  error?: unknown;
  selected: Set<number>;
  sending: boolean;
  message?: { ok: boolean; text: string };
}

/** Loads the experts of a thread; every listed member starts selected. */
export async function loadExperts(client: EntraideClient, threadId: number, signal: AbortSignal): Promise<ExpertsState> {
  try {
    const list = await client.agent.experts({ threadId }, { signal });
    return { threadId, list, selected: new Set(list.items.map((expert) => expert.member.id)), sending: false };
  } catch (error) {
    return { threadId, error, selected: new Set(), sending: false };
  }
}

/** Notifies the selected experts; the answer says who was asked. */
export async function notifyExperts(client: EntraideClient, state: ExpertsState, s: ConsoleStrings): Promise<ExpertsState> {
  try {
    await client.agent.notifyExperts(state.threadId, [...state.selected]);
    return { ...state, sending: false, message: { ok: true, text: s.notified } };
  } catch {
    return { ...state, sending: false, message: { ok: false, text: s.notifyFailed } };
  }
}

export interface ExpertsHandlers {
  toggle: (memberId: number) => void;
  notify: () => void;
}

export function renderExperts(s: ConsoleStrings, id: string, title: string, state: ExpertsState | undefined, on: ExpertsHandlers) {
  if (!state) return html`<div class="experts" part="experts" id=${id} role="status">${s.loading}</div>`;
  if (state.error || !state.list) return html`<div class="experts error" part="experts" id=${id} role="alert">${s.loadFailed}</div>`;
  const { items } = state.list;
  return html`
    <div class="experts" part="experts" id=${id}>
      <fieldset>
        <legend>${s.expertsFor(title)}</legend>
        ${items.length === 0 ? html`<p>${s.noExperts}</p>` : html`
          <ul>
            ${items.map((expert) => html`
              <li part="expert">
                <label>
                  <input type="checkbox" .checked=${state.selected.has(expert.member.id)} @change=${() => on.toggle(expert.member.id)} />
                  <span class="pseudonym">${expert.member.pseudonym}</span>
                </label>
                <span class="counts">${s.expertCounts(expert.acceptedCount, expert.confirmedCount)}</span>
              </li>`)}
          </ul>
          <button class="button secondary" part="notify" type="button" ?disabled=${state.sending || state.selected.size === 0} @click=${on.notify}>${s.notify}</button>
        `}
      </fieldset>
      ${state.message ? html`<p class=${state.message.ok ? 'ok' : 'error'} role=${state.message.ok ? 'status' : 'alert'}>${state.message.text}</p>` : nothing}
    </div>
  `;
}

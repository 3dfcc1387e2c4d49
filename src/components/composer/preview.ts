/**
 * The composer's Write/Preview tabs. The preview is rendered by the server (`client.posts.preview`)
 * with the renderer that will store the post, so no markdown library ships to the browser and the
 * preview cannot differ from the published post. One request per switch to Preview, none when the
 * text has not changed since the last one; a request overtaken by a newer one is aborted.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import type { Translation } from '../translations/translation.ts';
import '../internal/staff-client.ts';

export type EditorTab = 'write' | 'preview';
export const EDITOR_TABS: readonly EditorTab[] = ['write', 'preview'];

export type PreviewState =
  | { status: 'idle' }
  | { status: 'empty' }
  | { status: 'loading' }
  | { status: 'ready'; html: string; body: string }
  | { status: 'error'; message: string };

/** The tab a key moves to from `current` (automatic activation, wrapping), or undefined for other keys. */
function tabAfterKey(key: string, current: EditorTab): EditorTab | undefined {
  const index = EDITOR_TABS.indexOf(current);
  const last = EDITOR_TABS.length - 1;
  const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[key];
  return target === undefined ? undefined : EDITOR_TABS[target];
}

export class PreviewController implements ReactiveController {
  state: PreviewState = { status: 'idle' };
  readonly #host: ReactiveControllerHost;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Renders `body` through the server unless the last preview already shows this very text. */
  async load(client: EntraideClient, body: string, t: Translation): Promise<void> {
    if (this.state.status === 'ready' && this.state.body === body) return;
    this.cancel();
    if (!body.trim()) return this.#set({ status: 'empty' });
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ status: 'loading' });
    try {
      const { html } = await client.posts.preview({ body }, { signal: abort.signal });
      if (!abort.signal.aborted) this.#set({ status: 'ready', html, body });
    } catch (error) {
      if (!abort.signal.aborted) this.#set({ status: 'error', message: messageOf(error, t) });
    }
  }

  /** Drops a request in flight (back to Write, text changed, element removed). */
  cancel(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.state.status === 'loading') this.#set({ status: 'idle' });
  }

  #set(state: PreviewState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

/** A 400 carries the server's words (too long…); a guest is told to sign in; anything else is ours. */
function messageOf(error: unknown, t: Translation): string {
  if (!isEntraideError(error) || error.status === 0) return t.networkFailed;
  if (error.status === 401) return t.previewSignIn;
  if (error.status === 400) return error.message;
  return t.previewFailed;
}

/** The tablist; the composer handles clicks and keys. */
/** What the tabs need of their element: where they are rendered, and when. */
interface TabsHost {
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<unknown>;
}

/**
 * The Write/Preview tablist: a click selects; ←/→ move between the tabs (wrapping), Home/End go
 * to the first/last, and the focus follows the tab shown.
 */
export function renderTabs(t: Translation, selected: EditorTab, select: (tab: EditorTab) => void, host: TabsHost) {
  const label = { write: t.writeTab, preview: t.previewTab };
  const onKeydown = (event: KeyboardEvent): void => {
    const next = tabAfterKey(event.key, selected);
    if (!next) return;
    event.preventDefault();
    select(next);
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  };
  return html`
    <div class="tabs" part="tabs" role="tablist" aria-label=${t.editorModes} @keydown=${onKeydown}>
      ${EDITOR_TABS.map((tab) => html`
        <button type="button" role="tab" part="tab" id="tab-${tab}" data-tab=${tab} aria-controls="panel-${tab}"
          aria-selected=${tab === selected ? 'true' : 'false'} tabindex=${tab === selected ? '0' : '-1'} @click=${() => select(tab)}>${label[tab]}</button>
      `)}
    </div>
  `;
}

/** The Preview panel's content for each state. */
export function renderPreview(t: Translation, state: PreviewState, retry: () => void) {
  switch (state.status) {
    case 'idle':
    case 'loading':
      return html`<p class="preview-state" role="status">${t.previewLoading}</p>`;
    case 'empty':
      return html`<p class="preview-state">${t.previewEmpty}</p>`;
    case 'error':
      return html`
        <div class="state error" part="preview-error" role="alert">
          <span>${state.message}</span>
          <button class="button secondary" type="button" @click=${retry}>${t.retry}</button>
        </div>
      `;
    case 'ready':
      // The only HTML the composer inserts: rendered and allow-list sanitized by the server,
      // exactly as a post's bodyHtml (see src/domain/markdown.ts).
      return html`<div class="body" part="preview">${unsafeHTML(state.html)}</div>`;
  }
  return nothing;
}

/**
 * The tabs pattern of the workspaces (advisor console, administration): a tab list whose arrows
 * move and select (automatic activation), Home and End jump, and one panel for the current tab.
 */
import { css, html, type TemplateResult } from 'lit';

export const tabStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_color-border);
  }

  [role='tab'] {
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 3px solid transparent;
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_color-accent);
    color: var(--_color-accent);
    font-weight: 600;
  }

  .panel {
    padding-top: calc(var(--_space) * 2);
  }
`;

export interface Tabs<V extends string> {
  views: readonly V[];
  current: V;
  label: string;
  names: Record<V, string>;
  /** `focus`: the keyboard chose it, so the new tab takes the focus. */
  select(view: V, focus: boolean): void;
  panel: TemplateResult;
}

export function renderTabs<V extends string>(tabs: Tabs<V>): TemplateResult {
  const { views, current } = tabs;
  const onKey = (event: KeyboardEvent) => {
    const index = views.indexOf(current);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: views.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    tabs.select(views[(next + views.length) % views.length]!, true);
  };
  return html`
    <div class="tabs" part="tabs" role="tablist" aria-label=${tabs.label} @keydown=${onKey}>
      ${views.map((view) => html`
        <button type="button" role="tab" part="tab" id="tab-${view}" aria-controls="panel-${view}" data-view=${view}
          aria-selected=${view === current ? 'true' : 'false'} tabindex=${view === current ? '0' : '-1'}
          @click=${() => tabs.select(view, false)}>${tabs.names[view]}</button>`)}
    </div>
    <div class="panel" part="panel" role="tabpanel" id="panel-${current}" aria-labelledby="tab-${current}" tabindex="0">${tabs.panel}</div>
  `;
}

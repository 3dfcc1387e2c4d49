/** A queue group's "show more" button: each group pages on its own (its `nextCursor`). */
import { html, nothing } from 'lit';
import type { QueueGroup } from '../../core/index.ts';
import type { ConsoleStrings } from '../agent-console/strings.ts';
import type { QueueGroupView } from './queue-groups.ts';

/** The group whose next page is loading, or whose last load failed. */
export interface MoreState {
  kind: QueueGroup;
  failed: boolean;
}

export function renderMore(s: ConsoleStrings, group: QueueGroupView, more: MoreState | undefined, onMore: () => void) {
  if (!group.nextCursor) return nothing;
  const loading = more?.kind === group.kind && !more.failed;
  const failed = more?.kind === group.kind && more.failed;
  return html`
    <p class="more">
      <button class="button secondary small" part="more" type="button" aria-describedby="group-${group.kind}" ?disabled=${loading}
        @click=${onMore}>${loading ? s.loadingMore : s.showMore(group.items.length, group.total)}</button>
      ${failed ? html`<span class="error" role="alert">${s.moreFailed}</span>` : nothing}
    </p>
  `;
}

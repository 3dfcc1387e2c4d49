/**
 * Copying text to the clipboard. The async Clipboard API needs a secure context and, in some
 * browsers, a permission; the old `execCommand('copy')` on a selected field still works in
 * most of the rest. When both fail the caller shows the text for copying by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the selection fallback.
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.style.cssText = 'position:fixed;inset-block-start:0;opacity:0;pointer-events:none';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    // Shadow-DOM focus: the element that had it is the host; the caller restores inner focus.
    previous?.focus({ preventScroll: true });
  }
}

/** The absolute address of a post: its thread's link (hash or path routing) and `#post-<id>`. */
export function permalink(threadHref: string, postId: number, base: string = location.href): string {
  return new URL(`${threadHref}#post-${postId}`, base).href;
}

/**
 * Unsent text survives reloads, crashes and failed sends: one localStorage entry per
 * composer target. Storage can be full, disabled or blocked (private modes, iframes), so every
 * access is guarded and a failure only costs the draft, never the composer.
 */
export interface Draft {
  title: string;
  body: string;
}

const PREFIX = 'entraide:draft:';

/** `private`: a reply in a private conversation (the inbox), keyed by conversation. */
export function draftKey(mode: 'thread' | 'reply' | 'private', id: number): string {
  return `${PREFIX}${mode}:${id}`;
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Draft>;
    return { title: String(value.title ?? ''), body: String(value.body ?? '') };
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    if (!draft.title && !draft.body) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota or privacy settings: the text is still in the form.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/**
 * A guest's dismissed banners, kept in this browser (members' are kept by the server): for each
 * incident, the `updatedAt` it had when dismissed. Core's `stillDismissed` then hides it until
 * the incident is updated again. Server times only, so the browser's clock plays no part.
 */
import { stillDismissed } from '../../core/index.ts';

const KEY = 'entraide:incident-dismissals';
/** Enough for any outage season; the oldest go first. */
const KEEP = 50;

function read(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {}; // storage blocked or a value from elsewhere: nothing dismissed
  }
}

export function guestDismissed(incident: { id: number; updatedAt: string }): boolean {
  const at = read()[String(incident.id)];
  return typeof at === 'string' && stillDismissed(at, incident.updatedAt);
}

export function rememberGuestDismissal(incident: { id: number; updatedAt: string }): void {
  const entries = Object.entries({ ...read(), [String(incident.id)]: incident.updatedAt }).slice(-KEEP);
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage blocked or full: the banner stays hidden until the page goes.
  }
}

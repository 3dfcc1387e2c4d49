/**
 * Who an incident's banner concerns (issue 15, item 11), decided once here for the server, the
 * mocks and the elements. An incident may name a category and a region:
 * - a category: its banner shows only while reading that category (its thread list or one of its
 *   threads), never on the home page or another category;
 * - a region: its banner shows to readers of that region (the token's `region` claim). A reader
 *   whose region is unknown (guests, tokens without the claim) sees it only inside the
 *   incident's own category, where it is relevant whatever their region; a region-only incident
 *   (no category) then stays hidden from them, since nothing says it concerns them;
 * - neither: every reader, on every page.
 * A dismissed banner stays hidden until the incident's next update.
 */

export interface IncidentScope {
  categoryId: number | null;
  region: string | null;
}

export interface IncidentReader {
  /** The category being read (its list or one of its threads); null on pages of no category. */
  categoryId: number | null;
  /** The reader's region, from the token's `region` claim; null for guests and tokens without it. */
  region: string | null;
}

/** Regions compare without case, accents or surrounding spaces ("Île-de-France" = "ile-de-france "). */
export function sameRegion(a: string, b: string): boolean {
  const key = (region: string) => region.trim().normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr');
  return key(a) === key(b);
}

/** Whether `incident`'s banner is for `reader` on the page they are reading. */
export function incidentConcerns(incident: IncidentScope, reader: IncidentReader): boolean {
  if (incident.categoryId !== null && incident.categoryId !== reader.categoryId) return false;
  if (incident.region === null) return true;
  if (reader.region === null) return incident.categoryId !== null;
  return sameRegion(incident.region, reader.region);
}

/** Whether a dismissal made at `dismissedAt` still hides an incident last updated at `updatedAt`. */
export function stillDismissed(dismissedAt: string | Date | null | undefined, updatedAt: string | Date): boolean {
  if (dismissedAt === null || dismissedAt === undefined) return false;
  return new Date(dismissedAt).getTime() >= new Date(updatedAt).getTime();
}

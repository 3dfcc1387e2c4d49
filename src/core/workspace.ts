/**
 * Advisors' weekly plan (study §11: "a weekly plan spreads the advisors' working time, a few
 * hours at a time, over some categories of the forum"). A plan is a list of slots in the
 * community's time zone; these pure rules say which slots cover a moment, so the console's
 * "my categories now" and the team's "who is on which category now" always agree.
 */

/** The demo community's zone, used when a community names none or names one Intl cannot use. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** Weekdays in the order a French week reads: 0 = Monday … 6 = Sunday. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const MINUTES_PER_DAY = 24 * 60;
/** Enough for two slots a day every day, with room to spare; keeps a plan one small read. */
export const MAX_PLAN_SLOTS = 50;

export interface PlanSlot {
  /** 0 = Monday … 6 = Sunday, in the community's time zone. */
  weekday: number;
  /** Minutes after local midnight, inclusive. */
  startMinute: number;
  /** Minutes after local midnight, exclusive; 1440 ends the slot at midnight. */
  endMinute: number;
  categoryIds: readonly number[];
}

/** A moment as a local weekday and minute of the day. */
export interface LocalWeekTime {
  weekday: number;
  minute: number;
}

const SHORT_WEEKDAYS: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** An IANA zone name (`Europe/Paris`, `UTC`, `Etc/GMT+1`): Intl also takes offsets such as `+01:00`, which know no summer time. */
const ZONE_NAME = /^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether `timeZone` is an IANA zone name this runtime's Intl knows (its aliases included). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!ZONE_NAME.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone to use for a community's setting: its own when Intl knows it, else the default. */
export function usableTimeZone(timeZone: string | null | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

/**
 * The local weekday and minute of `at` in `timeZone`. Intl applies the zone's rules for that
 * instant, so summer and winter time are both right (no fixed offsets).
 */
export function localWeekTime(at: Date, timeZone: string): LocalWeekTime {
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const weekday = SHORT_WEEKDAYS[part('weekday')];
  if (weekday === undefined) throw new Error(`unexpected weekday "${part('weekday')}" from Intl`);
  // Some engines still say 24 for midnight despite h23.
  const hour = Number(part('hour')) % 24;
  return { weekday, minute: hour * 60 + Number(part('minute')) };
}

/** Whether a slot covers a local moment: same weekday, start inclusive, end exclusive. */
export function slotCovers(slot: PlanSlot, time: LocalWeekTime): boolean {
  return slot.weekday === time.weekday && slot.startMinute <= time.minute && time.minute < slot.endMinute;
}

export function isSlotNow(slot: PlanSlot, now: Date, timeZone: string): boolean {
  return slotCovers(slot, localWeekTime(now, timeZone));
}

/** The categories a plan assigns at `now`, each once, in ascending id order. */
export function categoriesNow(slots: readonly PlanSlot[], now: Date, timeZone: string): number[] {
  const time = localWeekTime(now, timeZone);
  const ids = new Set<number>();
  for (const slot of slots) if (slotCovers(slot, time)) for (const id of slot.categoryIds) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

function slotShapeProblem(slot: PlanSlot): string | undefined {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 0 || slot.weekday > 6) return 'weekday must be 0 (Monday) to 6 (Sunday)';
  if (!Number.isInteger(slot.startMinute) || slot.startMinute < 0 || slot.startMinute >= MINUTES_PER_DAY) return 'startMinute must be 0 to 1439';
  if (!Number.isInteger(slot.endMinute) || slot.endMinute <= slot.startMinute || slot.endMinute > MINUTES_PER_DAY) {
    return 'endMinute must be after startMinute and at most 1440 (a night slot is two slots)';
  }
  if (slot.categoryIds.length === 0) return 'a slot assigns at least one category';
  if (new Set(slot.categoryIds).size !== slot.categoryIds.length) return 'a category appears twice in the slot';
  return undefined;
}

/**
 * What is wrong with a plan, as `{ index, message }` per slot (empty when it can be saved).
 * Slots of one advisor may not overlap: one slot per moment keeps "my categories now" plain.
 */
export function planProblems(slots: readonly PlanSlot[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  if (slots.length > MAX_PLAN_SLOTS) problems.push({ index: MAX_PLAN_SLOTS, message: `a plan has at most ${MAX_PLAN_SLOTS} slots` });
  slots.forEach((slot, index) => {
    const shape = slotShapeProblem(slot);
    if (shape) problems.push({ index, message: shape });
  });
  if (problems.length) return problems;
  slots.forEach((slot, index) => {
    const clash = slots.findIndex((other, otherIndex) => otherIndex < index && other.weekday === slot.weekday
      && other.startMinute < slot.endMinute && slot.startMinute < other.endMinute);
    if (clash >= 0) problems.push({ index, message: `overlaps slot ${clash}` });
  });
  return problems;
}

/** Slots in reading order: by weekday, then start. */
export function sortSlots<T extends PlanSlot>(slots: readonly T[]): T[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute || a.endMinute - b.endMinute);
}

/**
 * The weekly plan as the editor holds it: times as the `HH:MM` text of its 24-hour time fields,
 * converted to and from the contract's minutes after local midnight. The server judges the
 * plan (overlaps, bounds, known categories); the editor only shows its answers at the slot.
 */
import type { PlanSlot } from '../../sdk/types.ts';
import { isEntraideError } from '../../sdk/index.ts';

export interface DraftSlot {
  /** Stable across removals, so Lit keeps each slot's inputs (and focus) in place. */
  key: number;
  weekday: number;
  start: string;
  end: string;
  categoryIds: number[];
}

export const MINUTES_PER_DAY = 1440;
const DEFAULT_SLOT = { weekday: 0, start: '09:00', end: '17:00' };

let nextKey = 0;

export function minutesToTime(minutes: number): string {
  const wrapped = minutes % MINUTES_PER_DAY;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** `HH:MM` → minutes; an empty or malformed time gives -1, which the server refuses at the slot. */
export function timeToMinutes(text: string): number {
  const match = /^(\d{2}):(\d{2})/.exec(text);
  if (!match) return -1;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function toDraft(slots: readonly PlanSlot[]): DraftSlot[] {
  return slots.map((slot) => ({ key: nextKey++, weekday: slot.weekday, start: minutesToTime(slot.startMinute), end: minutesToTime(slot.endMinute), categoryIds: [...slot.categoryIds] }));
}

export function newSlot(categoryIds: number[]): DraftSlot {
  return { key: nextKey++, ...DEFAULT_SLOT, categoryIds: [...categoryIds] };
}

/** An end of 00:00 is midnight at the end of the day (a time input cannot say 24:00). */
export function toSlots(draft: readonly DraftSlot[]): PlanSlot[] {
  return draft.map((slot) => {
    const endMinute = timeToMinutes(slot.end);
    return { weekday: slot.weekday, startMinute: timeToMinutes(slot.start), endMinute: endMinute === 0 ? MINUTES_PER_DAY : endMinute, categoryIds: [...slot.categoryIds] };
  });
}

export interface SaveProblems {
  /** Messages by slot index, from the 400's details paths `/slots/N…`. */
  bySlot: Map<number, string[]>;
  /** Messages about the plan as a whole. */
  general: string[];
}

/** Sorts a refusal's details by the slot they point at. */
export function problemsOf(error: unknown): SaveProblems {
  const problems: SaveProblems = { bySlot: new Map(), general: [] };
  if (!isEntraideError(error) || error.status !== 400 || !Array.isArray(error.details)) return problems;
  for (const detail of error.details as Array<{ path?: unknown; message?: unknown }>) {
    const message = typeof detail.message === 'string' ? detail.message : '';
    const index = /^\/slots\/(\d+)/.exec(typeof detail.path === 'string' ? detail.path : '')?.[1];
    if (index === undefined) problems.general.push(message);
    else problems.bySlot.set(Number(index), [...(problems.bySlot.get(Number(index)) ?? []), message]);
  }
  return problems;
}

/** Weekday names, 0 = Monday … 6 = Sunday, through the forum's formatters. */
export { weekdayNames } from '../internal/format-more.ts';

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  categoriesNow, DEFAULT_TIME_ZONE, isSlotNow, localWeekTime, planProblems, slotCovers, sortSlots, usableTimeZone, type PlanSlot,
} from '../../src/core/workspace.ts';

const PARIS = 'Europe/Paris';
const monday = (start: string, end: string, categoryIds: number[] = [1]): PlanSlot => {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
  return { weekday: 0, startMinute: minutes(start), endMinute: minutes(end), categoryIds };
};

describe('local week time', () => {
  it('reads the weekday with Monday as 0 and the minute of the local day', () => {
    assert.deepEqual(localWeekTime(new Date('2026-03-30T07:30:00Z'), PARIS), { weekday: 0, minute: 9 * 60 + 30 });
    assert.deepEqual(localWeekTime(new Date('2026-03-29T10:00:00Z'), PARIS), { weekday: 6, minute: 12 * 60 });
  });

  it('follows winter and summer time: 09:30 in Paris is 08:30 UTC in March before the change and 07:30 after', () => {
    assert.deepEqual(localWeekTime(new Date('2026-03-28T08:30:00Z'), PARIS), { weekday: 5, minute: 570 });
    assert.deepEqual(localWeekTime(new Date('2026-03-30T07:30:00Z'), PARIS), { weekday: 0, minute: 570 });
  });

  it('jumps from 01:59 to 03:00 on the spring-forward night', () => {
    assert.equal(localWeekTime(new Date('2026-03-29T00:59:00Z'), PARIS).minute, 119);
    assert.equal(localWeekTime(new Date('2026-03-29T01:00:00Z'), PARIS).minute, 180);
  });

  it('reads 02:30 twice on the fall-back night', () => {
    assert.deepEqual(localWeekTime(new Date('2026-10-25T00:30:00Z'), PARIS), { weekday: 6, minute: 150 });
    assert.deepEqual(localWeekTime(new Date('2026-10-25T01:30:00Z'), PARIS), { weekday: 6, minute: 150 });
  });

  it('says minute 0 of the next day at local midnight, never hour 24', () => {
    assert.deepEqual(localWeekTime(new Date('2026-03-30T22:00:00Z'), PARIS), { weekday: 1, minute: 0 });
  });

  it('uses the default zone when a community names none or an unknown one', () => {
    assert.equal(usableTimeZone(null), DEFAULT_TIME_ZONE);
    assert.equal(usableTimeZone('Mars/Olympus_Mons'), DEFAULT_TIME_ZONE);
    assert.equal(usableTimeZone('America/Montreal'), 'America/Montreal');
  });
});

describe('slots covering a moment', () => {
  const slot = monday('09:00', '12:30');

  it('includes the start minute and excludes the end minute', () => {
    assert.equal(slotCovers(slot, { weekday: 0, minute: 540 }), true);
    assert.equal(slotCovers(slot, { weekday: 0, minute: 749 }), true);
    assert.equal(slotCovers(slot, { weekday: 0, minute: 750 }), false);
    assert.equal(slotCovers(slot, { weekday: 0, minute: 539 }), false);
  });

  it('needs the same weekday', () => {
    assert.equal(slotCovers(slot, { weekday: 1, minute: 600 }), false);
  });

  it('is now at 09:30 Paris time in summer and in winter alike', () => {
    assert.equal(isSlotNow(slot, new Date('2026-03-30T07:30:00Z'), PARIS), true);
    assert.equal(isSlotNow(slot, new Date('2026-03-23T08:30:00Z'), PARIS), true);
    assert.equal(isSlotNow(slot, new Date('2026-03-23T07:30:00Z'), PARIS), false);
  });

  it('lists the categories of every covering slot once, in id order', () => {
    const slots = [monday('09:00', '12:00', [4, 2]), monday('12:00', '13:00', [9]), { ...monday('09:00', '12:00', [2, 7]), weekday: 1 }];
    assert.deepEqual(categoriesNow(slots, new Date('2026-03-30T08:00:00Z'), PARIS), [2, 4]);
    assert.deepEqual(categoriesNow(slots, new Date('2026-03-30T10:00:00Z'), PARIS), [9]);
    assert.deepEqual(categoriesNow(slots, new Date('2026-03-30T16:00:00Z'), PARIS), []);
  });
});

describe('plan problems', () => {
  it('accepts an empty plan and back-to-back slots', () => {
    assert.deepEqual(planProblems([]), []);
    assert.deepEqual(planProblems([monday('09:00', '12:00'), monday('12:00', '13:00'), monday('13:00', '24:00')]), []);
  });

  it('refuses overlapping slots on one day, naming the later one', () => {
    assert.deepEqual(planProblems([monday('09:00', '12:00'), monday('11:00', '14:00')]), [{ index: 1, message: 'overlaps slot 0' }]);
  });

  it('refuses a slot ending before it starts, past midnight, without categories or with a category twice', () => {
    const problems = planProblems([monday('12:00', '09:00'), { ...monday('09:00', '10:00'), endMinute: 1441 }, monday('09:00', '10:00', []), monday('10:00', '11:00', [3, 3])]);
    assert.deepEqual(problems.map((problem) => problem.index), [0, 1, 2, 3]);
  });

  it('refuses a weekday outside 0–6', () => {
    assert.equal(planProblems([{ ...monday('09:00', '10:00'), weekday: 7 }]).length, 1);
  });

  it('sorts slots by weekday then start', () => {
    const sorted = sortSlots([{ ...monday('08:00', '09:00'), weekday: 2 }, monday('14:00', '15:00'), monday('08:00', '09:00')]);
    assert.deepEqual(sorted.map((slot) => [slot.weekday, slot.startMinute]), [[0, 480], [0, 840], [2, 480]]);
  });
});

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

  it('takes every weekday and every start of the day, and nothing outside them', () => {
    const at = (weekday: number, startMinute: number, endMinute = startMinute + 1) => ({ ...monday('00:00', '00:01'), weekday, startMinute, endMinute });
    assert.deepEqual(planProblems([at(0, 0), at(6, 1439, 1440)]), []);
    const messages = (slot: PlanSlot) => planProblems([slot]).map((problem) => problem.message);
    for (const weekday of [-1, 7, 1.5]) assert.deepEqual(messages(at(weekday, 0)), ['weekday must be 0 (Monday) to 6 (Sunday)'], `weekday ${weekday}`);
    for (const start of [-1, 1440, 0.5]) assert.deepEqual(messages(at(0, start, 1440)), ['startMinute must be 0 to 1439'], `start ${start}`);
    assert.deepEqual(messages(at(0, 600, 600)), ['endMinute must be after startMinute and at most 1440 (a night slot is two slots)']);
  });

  it('refuses a plan of more than 50 slots', () => {
    const slots = (count: number) => Array.from({ length: count }, (_, i) => ({ ...monday('00:00', '00:01'), startMinute: i * 10, endMinute: i * 10 + 5 }));
    assert.deepEqual(planProblems(slots(50)), []);
    assert.deepEqual(planProblems(slots(51)), [{ index: 50, message: 'a plan has at most 50 slots' }]);
  });

  it('lets back-to-back slots come in any order, and slots of different days share hours', () => {
    assert.deepEqual(planProblems([monday('12:00', '13:00'), monday('09:00', '12:00')]), []);
    assert.deepEqual(planProblems([monday('09:00', '12:00'), { ...monday('09:00', '12:00'), weekday: 1 }]), []);
  });

  it('sorts slots by weekday then start', () => {
    const sorted = sortSlots([{ ...monday('08:00', '09:00'), weekday: 2 }, monday('14:00', '15:00'), monday('08:00', '09:00')]);
    assert.deepEqual(sorted.map((slot) => [slot.weekday, slot.startMinute]), [[0, 480], [0, 840], [2, 480]]);
  });
});

/** The progress of long CLI work: a bar redrawn in place on a terminal, percentage lines elsewhere. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, lineProgress } from '../../src/server/progress.ts';

function target(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progress', () => {
  it('on a terminal, redraws one bar in place and ends its line', () => {
    const tty = target(true);
    const progress = createProgress('Seeding', tty);
    for (let done = 1; done <= 4; done += 1) progress.update(done, 4, `step ${done}`);
    progress.update(4, 4, 'step 4');
    progress.finish();
    assert.equal(tty.written.length, 5, 'an unchanged bar is not drawn again');
    assert.ok(tty.written.slice(0, 4).every((text) => text.startsWith('\r') && text.endsWith('\x1b[K')));
    assert.match(tty.written[1]!, /^\rSeeding \[#{14}-{14}\] {2}50% step 2/);
    assert.match(tty.written[3]!, /\[#{28}\] 100% step 4/);
    assert.equal(tty.written[4], '\n');
  });

  it('elsewhere, prints a line at each tenth crossed, up to 100%, and nothing for work already done', () => {
    const pipe = target(false);
    const progress = createProgress('Importing', pipe);
    for (let done = 1; done <= 1000; done += 1) progress.update(done, 1000);
    progress.finish();
    assert.deepEqual(pipe.written, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((percent) => `Importing: ${percent}%\n`));
    const lines: string[] = [];
    lineProgress('Seeding', (line) => lines.push(line)).finish();
    assert.deepEqual(lines, []);
  });
});

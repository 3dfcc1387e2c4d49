/**
 * Progress of long work (the demo seed, a large import): a bar redrawn in place on a terminal,
 * plain percentage lines otherwise (logs, CI, a pipe), so a log file does not fill with redraws.
 */
const BAR_WIDTH = 28;
/** Without a terminal, one line each time the work crosses another tenth. */
const LINE_STEP = 10;

export interface Progress {
  update(done: number, total: number, detail?: string): void;
  /** Ends the bar's line (a terminal), or prints 100% if the lines stopped short of it. */
  finish(): void;
}

export interface ProgressTarget {
  isTTY?: boolean;
  write(text: string): unknown;
}

const percentOf = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100);

export function createProgress(title: string, target: ProgressTarget = process.stderr): Progress {
  return target.isTTY ? barProgress(title, target) : lineProgress(title, (line) => target.write(`${line}\n`));
}

function barProgress(title: string, target: ProgressTarget): Progress {
  let drawn = '';
  let shown = false;
  return {
    update(done, total, detail = '') {
      const percent = percentOf(done, total);
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      const text = `${title} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${detail}`;
      if (text === drawn) return;
      // \r and "erase to end of line": the new text replaces the old one, however long it was.
      target.write(`\r${text}\x1b[K`);
      drawn = text;
      shown = true;
    },
    finish() {
      if (shown) target.write('\n');
      shown = false;
    },
  };
}

/** Percentage lines for logs; `emit` writes one (the server passes its logger). */
export function lineProgress(title: string, emit: (line: string) => void, step = LINE_STEP): Progress {
  let lastStep = -1;
  return {
    update(done, total, detail) {
      const percent = percentOf(done, total);
      const reached = Math.floor(percent / step);
      if (reached === lastStep) return;
      lastStep = reached;
      emit(`${title}: ${percent}%${detail ? ` (${detail})` : ''}`);
    },
    finish() {
      // Nothing to finish when nothing was started (the work was already done).
      if (lastStep !== -1 && lastStep !== Math.floor(100 / step)) emit(`${title}: 100%`);
    },
  };
}

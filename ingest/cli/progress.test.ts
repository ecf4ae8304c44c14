import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSteps } from './progress.ts';

function stream(tty: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY: tty, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress of named steps', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prints nothing for steps that end within a second', () => {
    const out = stream(false);
    const steps = createSteps('import', out);
    steps.update('reading', 1, 2);
    vi.advanceTimersByTime(500);
    steps.update('series lineages', 0, 3);
    steps.end();
    expect(out.text).toBe('');
  });

  it('names each step that runs longer, in plain lines when stderr is not a terminal', () => {
    const out = stream(false);
    const steps = createSteps('build', out);
    steps.update('compiling pages', 0, 0);
    // A step waiting on a child process reports nothing: the heartbeat shows it.
    vi.advanceTimersByTime(2100);
    steps.update('rendering pages', 0, 100);
    vi.advanceTimersByTime(1500);
    steps.update('rendering pages', 40, 100, '40/100 pages');
    steps.end();
    expect(out.text).toBe('build: compiling pages: (1s elapsed)\nbuild: rendering pages: 40% 40/100 pages (2s elapsed, ETA 2s)\n');
  });

  it('redraws one bar per step on a terminal and clears it at the end', () => {
    const out = stream(true);
    const steps = createSteps('import', out);
    steps.update('discussion', 0, 10);
    vi.advanceTimersByTime(1200);
    steps.update('discussion', 5, 10, '5/10');
    steps.end();
    // Drawn by the heartbeat at 1 s, redrawn with the news, cleared.
    expect(out.text.split('\r\x1b[K')).toEqual(['', 'import: discussion [------------------------] 0% ETA ?', 'import: discussion [############------------] 50% 5/10 ETA 1s', '']);
  });
});

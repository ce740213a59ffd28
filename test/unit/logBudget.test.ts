import { PassThrough } from 'node:stream';
import { LIMITS } from '../../src/common/limits';
import { LogBudget } from '../../src/common/LogBudget';
import { truncate } from '../../src/common/truncate';
import { waitFor } from '../../src/common/waitFor';
import { StderrTail } from '../../src/platform/StderrTail';

describe('LogBudget', () => {
  let now = 0;
  const dropped: [number, number][] = [];
  const budget = () =>
    new LogBudget<number>(
      { messages: 3, bytes: 100 },
      (k, n) => dropped.push([k, n]),
      () => now,
    );
  beforeEach(() => {
    now = 1000;
    dropped.length = 0;
  });

  test('admits up to the messages of a second, counts the rest per key, and reports them once', () => {
    const b = budget();
    expect([1, 1, 2, 2, 1].map((k) => b.admit(k, 10))).toEqual([true, true, true, false, false]);
    b.flush();
    expect(dropped).toEqual([
      [2, 1],
      [1, 1],
    ]);
    b.flush();
    expect(dropped).toHaveLength(2);
  });

  test('admits up to the bytes of a second, and again in the next second', () => {
    const b = budget();
    expect(b.admit(1, 90)).toBe(true);
    expect(b.admit(1, 20)).toBe(false);
    now += 1000;
    expect(b.admit(1, 20)).toBe(true);
    b.flush();
    expect(dropped).toEqual([[1, 1]]);
  });
});

test('truncate keeps short text and cuts long text to the limit, marking the cut', () => {
  expect(truncate('short', 10)).toBe('short');
  const cut = truncate('x'.repeat(50), 10);
  expect(cut).toHaveLength(10);
  expect(cut.endsWith('…')).toBe(true);
});

test('a child writing stderr in a loop reaches the browser’s stderr cut and rate-limited, with a note', async () => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
  const quiet = process.env.MINIUM_CHILD_STDERR;
  delete process.env.MINIUM_CHILD_STDERR;
  try {
    const stream = new PassThrough();
    const tail = new StderrTail(stream, () => 'renderer 1');
    const line = `${'y'.repeat(5000)}\n`;
    for (let i = 0; i < 200; i++) stream.write(line); // 1 MB in a moment
    await new Promise((r) => setImmediate(r));
    const relayed = written.join('').length;
    expect(relayed).toBeLessThanOrEqual(LIMITS.stderrBytesPerSecond + 2 * LIMITS.messageLength);
    expect(written.every((w) => w.length <= LIMITS.messageLength + 'renderer 1'.length + 4)).toBe(true);
    expect(tail.text()).toHaveLength(4096);
    await waitFor(() => /^\[renderer 1\] … \d+ lines of stderr dropped/.test(written.at(-1) ?? ''), 'the note');
  } finally {
    spy.mockRestore();
    if (quiet !== undefined) process.env.MINIUM_CHILD_STDERR = quiet;
  }
});

import { ScriptTimers } from '../../src/processes/renderer/script/ScriptTimers';

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

/** An interval of 250 ms; returns the times it ran at. */
function every250(): { timers: ScriptTimers; ran: number[] } {
  const ran: number[] = [];
  const timers = new ScriptTimers(() => ran.push(performance.now()));
  timers.add(1, 250, true);
  return { timers, ran };
}

test('a shown page’s timers run when due', () => {
  const { ran } = every250();
  jest.advanceTimersByTime(1000);
  expect(ran).toEqual([250, 500, 750, 1000]);
});

test('a hidden page’s timers wake once a second, on the second, however short their delay', () => {
  const { timers, ran } = every250();
  timers.setWakeUps('once-a-second');
  jest.advanceTimersByTime(3100);
  expect(ran).toEqual([1000, 2000, 3000]);
  const late = new ScriptTimers(() => ran.push(-performance.now()));
  late.add(2, 10, false);
  late.setWakeUps('once-a-second');
  jest.advanceTimersByTime(1000);
  expect(ran.at(-1)).toBe(-4000); // with the others, at the next whole second
});

test('a frozen page’s timers do not run; resumed, they run when due again', () => {
  const { timers, ran } = every250();
  timers.setWakeUps('never');
  jest.advanceTimersByTime(5000);
  expect(ran).toEqual([]);
  timers.setWakeUps('when-due');
  jest.advanceTimersByTime(250);
  expect(ran).toEqual([5000, 5250]);
});

test('a cleared timer never runs, throttled or not', () => {
  const { timers, ran } = every250();
  timers.setWakeUps('once-a-second');
  timers.clear(1);
  jest.advanceTimersByTime(3000);
  expect(ran).toEqual([]);
});

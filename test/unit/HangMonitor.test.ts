import { HangMonitor } from '../../src/browser/HangMonitor';

describe('HangMonitor', () => {
  test('silence past the timeout is a hang, reported once; the next message recovers', () => {
    const m = new HangMonitor(0, 3000);
    expect(m.check(2999)).toBeNull();
    expect(m.check(3001)).toBe('hung');
    expect(m.check(9000)).toBeNull();
    expect(m.isHung).toBe(true);
    expect(m.heard(9100)).toBe('recovered');
    expect(m.heard(9200)).toBeNull();
    expect(m.check(12000)).toBeNull();
    expect(m.check(12201)).toBe('hung');
  });

  test('a silence measured elsewhere: hung past the timeout, once; recovered only when the ping is answered', () => {
    const m = new HangMonitor(0, 15000);
    expect(m.observeSilence(0)).toBeNull();
    expect(m.observeSilence(15000)).toBeNull();
    expect(m.observeSilence(15500)).toBe('hung');
    expect(m.observeSilence(16000)).toBeNull();
    expect(m.observeSilence(500)).toBeNull(); // still waiting for the latest ping
    expect(m.isHung).toBe(true);
    expect(m.observeSilence(0)).toBe('recovered');
    expect(m.isHung).toBe(false);
    expect(m.observeSilence(0)).toBeNull();
  });
});

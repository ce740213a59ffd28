import { ProcessModel } from '../../src/browser/ProcessModel';

describe('ProcessModel (process-per-site with a limit)', () => {
  test('tabs of one site reuse its renderer; a new site launches one', () => {
    const m = new ProcessModel<string>(3);
    expect(m.place('https://a.example')).toEqual({ kind: 'launch' });
    m.add('https://a.example', 'A');
    expect(m.place('https://a.example')).toEqual({ kind: 'reuse', host: 'A' });
    expect(m.place('https://b.example')).toEqual({ kind: 'launch' });
  });

  test('at the limit a new site is refused, never put in another site’s process', () => {
    const m = new ProcessModel<string>(2);
    m.add('https://a.example', 'A');
    m.add('https://b.example', 'B');
    expect(m.place('https://c.example')).toEqual({ kind: 'limit', limit: 2 });
    expect(m.place('https://a.example')).toEqual({ kind: 'reuse', host: 'A' });
    m.remove('A');
    expect(m.count).toBe(1);
    expect(m.place('https://c.example')).toEqual({ kind: 'launch' });
  });

  test('rejects a nonsensical limit and a second renderer for one site', () => {
    expect(() => new ProcessModel(0)).toThrow(/whole number >= 1/);
    const m = new ProcessModel<string>(2);
    m.add('https://a.example', 'A');
    expect(() => m.add('https://a.example', 'A2')).toThrow(/already has a renderer/);
  });
});

import { CONSOLE_KEPT, ConsoleStore } from '../../src/browser/ConsoleStore';
import type { BrowserEvent } from '../../src/common/controlApi';
import { Emitter } from '../../src/common/Emitter';

describe('ConsoleStore', () => {
  test('entries are kept per tab, newest last, announced as console events', () => {
    const events = new Emitter<BrowserEvent>();
    const fired: BrowserEvent[] = [];
    events.event((e) => fired.push(e));
    const store = new ConsoleStore(events, () => 42);
    store.add(1, 'log', 'one');
    store.add(2, 'error', 'two');
    store.add(1, 'warn', 'three');
    expect(store.messages(1)).toEqual([
      { level: 'log', message: 'one', at: 42 },
      { level: 'warn', message: 'three', at: 42 },
    ]);
    expect(fired[1]).toEqual({ type: 'console', tabId: 2, entry: { level: 'error', message: 'two', at: 42 } });
  });

  test('only the newest CONSOLE_KEPT entries are kept; a copy is returned; forget empties the tab', () => {
    const store = new ConsoleStore(new Emitter<BrowserEvent>());
    for (let i = 0; i < CONSOLE_KEPT + 5; i++) store.add(1, 'log', `m${i}`);
    const kept = store.messages(1);
    expect(kept).toHaveLength(CONSOLE_KEPT);
    expect(kept[0].message).toBe('m5');
    kept.length = 0;
    expect(store.messages(1)).toHaveLength(CONSOLE_KEPT);
    store.forget(1);
    expect(store.messages(1)).toEqual([]);
  });
});

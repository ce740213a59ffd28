import { InputRouter, INPUT_KEPT_MS } from '../../src/browser/InputRouter';
import type { Tab } from '../../src/browser/TabStrip';
import type { BrowserEvent } from '../../src/common/controlApi';
import { Emitter } from '../../src/common/Emitter';

function setup() {
  let now = 1000;
  const events = new Emitter<BrowserEvent>();
  const fired: BrowserEvent[] = [];
  events.event((e) => fired.push(e));
  const sent: unknown[] = [];
  const host = { state: 'ready', send: (m: unknown) => sent.push(m) };
  const tab = { id: 4, host } as unknown as Tab;
  const router = new InputRouter(events, () => now);
  return { router, tab, host, sent, fired, advance: (ms: number) => (now += ms) };
}

describe('InputRouter', () => {
  test('an input goes to the tab’s renderer with a fresh id; its presentation reports the latency once', () => {
    const { router, tab, sent, fired, advance } = setup();
    expect(router.send(tab, { type: 'click', x: 1, y: 2 })).toEqual({ inputId: 1 });
    expect(router.send(tab, { type: 'click', x: 3, y: 4 })).toEqual({ inputId: 2 });
    expect(sent[0]).toEqual({ type: 'input', tabId: 4, inputId: 1, event: { type: 'click', x: 1, y: 2 } });
    advance(16);
    router.presented([2, 99]);
    router.presented([2]);
    expect(fired).toEqual([{ type: 'input-presented', tabId: 4, inputId: 2, latencyMs: 16 }]);
  });

  test('a malformed event or a tab without a live renderer is refused, and nothing is sent', () => {
    const { router, tab, host, sent } = setup();
    expect(() => router.send(tab, { type: 'click', x: 'left' })).toThrow(/not an input event/);
    host.state = 'gone';
    expect(() => router.send(tab, { type: 'click', x: 1, y: 1 })).toThrow(
      expect.objectContaining({ code: 'tab-not-live' }),
    );
    expect(() => router.send({ ...tab, host: null }, { type: 'click', x: 1, y: 1 })).toThrow(
      expect.objectContaining({ code: 'tab-not-live' }),
    );
    expect(sent).toEqual([]);
  });

  test('an input never presented is forgotten once it is older than INPUT_KEPT_MS', () => {
    const { router, tab, fired, advance } = setup();
    router.send(tab, { type: 'click', x: 1, y: 1 });
    advance(INPUT_KEPT_MS + 1);
    router.send(tab, { type: 'click', x: 1, y: 1 }); // sending prunes the old one
    router.presented([1, 2]);
    expect(fired.map((e) => e.type === 'input-presented' && e.inputId)).toEqual([2]);
  });
});

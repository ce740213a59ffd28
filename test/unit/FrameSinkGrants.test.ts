import { diffGrants, type Drawer, FrameSinkGrants, type GrantSink } from '../../src/browser/FrameSinkGrants';
import type { PluginService } from '../../src/browser/PluginService';
import type { RendererRegistry } from '../../src/browser/RendererRegistry';
import { Emitter } from '../../src/common/Emitter';

const renderer = (surfaces: string[], embeds: string[] = [], pid: number | null = 100): Drawer => ({
  token: 'r',
  pid,
  surfaces,
  embeds,
});
const plugin = (surfaces: string[], pid: number | null = 200): Drawer => ({ token: 'p', pid, surfaces, embeds: [] });

describe('diffGrants: what the display compositor is told when who draws what changes', () => {
  test('a tab attached to a renderer: the renderer is granted its surface', () => {
    expect(diffGrants([renderer([])], [renderer(['tab:1'])])).toEqual({
      authorize: [{ token: 'r', pid: 100, surfaces: ['tab:1'], embeds: [] }],
      revoke: [],
      drop: [],
    });
  });

  test('nothing changed, in another order: nothing is sent', () => {
    expect(diffGrants([renderer(['tab:1', 'tab:2'])], [renderer(['tab:2', 'tab:1'])])).toEqual({
      authorize: [],
      revoke: [],
      drop: [],
    });
  });

  test('a tab closed: the renderer is granted less and the surface is dropped', () => {
    const changes = diffGrants([renderer(['tab:1', 'tab:2'])], [renderer(['tab:2'])]);
    expect(changes.authorize).toEqual([{ token: 'r', pid: 100, surfaces: ['tab:2'], embeds: [] }]);
    expect(changes.drop).toEqual(['tab:1']);
  });

  test('a tab moved to another site’s renderer: the new one is granted it and the old frame is dropped', () => {
    const other: Drawer = { token: 's', pid: 101, surfaces: [], embeds: [] };
    const changes = diffGrants([renderer(['tab:1']), other], [renderer([]), { ...other, surfaces: ['tab:1'] }]);
    expect(changes.authorize.map((g) => [g.token, g.surfaces])).toEqual([
      ['r', []],
      ['s', ['tab:1']],
    ]);
    expect(changes.drop).toEqual(['tab:1']);
  });

  test('a renderer gone: it is revoked and every surface it drew is dropped', () => {
    expect(diffGrants([renderer(['tab:1', 'tab:2']), plugin(['plugin:1'])], [plugin(['plugin:1'])])).toEqual({
      authorize: [],
      revoke: ['r'],
      drop: ['tab:1', 'tab:2'],
    });
  });

  test('no grant before the PID is known; one as soon as it is', () => {
    const starting = renderer(['tab:1'], [], null);
    expect(diffGrants([], [starting]).authorize).toEqual([]);
    expect(diffGrants([starting], [renderer(['tab:1'], [], 7)]).authorize).toEqual([
      { token: 'r', pid: 7, surfaces: ['tab:1'], embeds: [] },
    ]);
  });

  test('a process gone before its PID was known is never revoked, but its surfaces are dropped', () => {
    expect(diffGrants([renderer(['tab:1'], [], null)], [])).toEqual({ authorize: [], revoke: [], drop: ['tab:1'] });
  });

  test('a plugin instance created: the plugin may draw it and the renderer may show it', () => {
    const changes = diffGrants(
      [renderer(['tab:1']), plugin([])],
      [renderer(['tab:1'], ['plugin:3']), plugin(['plugin:3'])],
    );
    expect(changes.authorize).toEqual([
      { token: 'r', pid: 100, surfaces: ['tab:1'], embeds: ['plugin:3'] },
      { token: 'p', pid: 200, surfaces: ['plugin:3'], embeds: [] },
    ]);
    expect(changes.drop).toEqual([]);
  });

  test('a plugin instance destroyed: both grants shrink and its surface is dropped', () => {
    const changes = diffGrants(
      [renderer(['tab:1'], ['plugin:3']), plugin(['plugin:3'])],
      [renderer(['tab:1']), plugin([])],
    );
    expect(changes.authorize.map((g) => g.token)).toEqual(['r', 'p']);
    expect(changes.drop).toEqual(['plugin:3']);
  });

  test('two drawers with one token are a kernel bug, not a grant', () => {
    expect(() => diffGrants([], [renderer(['tab:1']), renderer(['tab:2'])])).toThrow(/share a frame sink token/);
  });
});

describe('FrameSinkGrants', () => {
  function setup() {
    const rendererChanged = new Emitter<void>();
    const pluginChanged = new Emitter<void>();
    const host = { token: 'r', pid: 100, state: 'ready', tabs: new Set<number>() };
    let live = [host];
    const renderers = { all: () => live, onDrawingChanged: rendererChanged.event };
    const plugins = { processes: () => [], surfacesShownBy: () => [], onDrawingChanged: pluginChanged.event };
    const calls: string[] = [];
    const sink: GrantSink = {
      authorize: (g) => calls.push(`authorize ${g.token} ${g.surfaces.join(',')}`),
      revoke: (token) => calls.push(`revoke ${token}`),
      dropSurface: (id) => calls.push(`drop ${id}`),
    };
    new FrameSinkGrants(sink, renderers as unknown as RendererRegistry, plugins as unknown as PluginService);
    return { host, calls, changed: () => rendererChanged.fire(), die: () => (live = []) };
  }

  test('follows the renderers’ changes, sending only differences', () => {
    const { host, calls, changed } = setup();
    host.tabs.add(1);
    changed();
    changed();
    host.tabs.add(2);
    changed();
    expect(calls).toEqual(['authorize r tab:1', 'authorize r tab:1,tab:2']);
  });

  test('withdraws rights before it drops surfaces, so a frame in flight cannot bring one back', () => {
    const { host, calls, changed, die } = setup();
    host.tabs.add(1).add(2);
    changed();
    host.tabs.delete(1);
    changed();
    die();
    changed();
    expect(calls.slice(1)).toEqual(['authorize r tab:2', 'drop tab:1', 'revoke r', 'drop tab:2']);
  });
});

/**
 * The one place that decides what the display compositor lets each client do. One per Browser,
 * living as long as it: whenever the renderers or the plugins say who draws what changed, it
 * derives the grants afresh from that state — every live renderer may submit its tabs' surfaces
 * and show its tabs' plugin instances; every live plugin process may submit its instances'
 * surfaces — and pushes only the difference to the display compositor.
 */
import type { FrameSinkGrant } from './GpuService';
import type { PluginService } from './PluginService';
import { pluginSurfaceId } from './PluginService';
import type { RendererRegistry } from './RendererRegistry';
import { tabSurfaceId } from './TabStrip';

/** A live process that draws: a grant, except that its PID may not be known yet. */
export interface Drawer {
  readonly token: string;
  /** Null until known (under Electron, at spawn): no grant is sent before. */
  readonly pid: number | null;
  readonly surfaces: readonly string[];
  readonly embeds: readonly string[];
}

export interface GrantChanges {
  /** New or changed grants, each whole. */
  authorize: FrameSinkGrant[];
  /** Clients that were granted and no longer draw. */
  revoke: string[];
  /** Surfaces whose drawer went or changed: their last frame must not stay on screen. */
  drop: string[];
}

/** Where the changes go: the display compositor, through GpuService. */
export interface GrantSink {
  authorize(grant: FrameSinkGrant): void;
  revoke(token: string): void;
  dropSurface(surfaceId: string): void;
}

/** Pure: what must change on the display compositor to go from the drawers `before` to `after`. */
export function diffGrants(before: readonly Drawer[], after: readonly Drawer[]): GrantChanges {
  const was = new Map(before.map((d) => [d.token, d]));
  const now = new Map(after.map((d) => [d.token, d]));
  if (now.size !== after.length) throw new Error('Two drawers share a frame sink token');
  const changes: GrantChanges = { authorize: [], revoke: [], drop: [] };
  for (const d of before) if (!now.has(d.token) && d.pid !== null) changes.revoke.push(d.token);
  for (const d of after) {
    const old = was.get(d.token);
    if (d.pid !== null && (!old || !sameGrant(old, d))) changes.authorize.push({ ...d, pid: d.pid });
  }
  for (const d of before) {
    const kept = new Set(now.get(d.token)?.surfaces ?? []);
    for (const s of d.surfaces) if (!kept.has(s)) changes.drop.push(s);
  }
  return changes;
}

function sameGrant(a: Drawer, b: Drawer): boolean {
  return a.pid === b.pid && sameSet(a.surfaces, b.surfaces) && sameSet(a.embeds, b.embeds);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

export class FrameSinkGrants {
  private drawers: Drawer[] = [];

  constructor(
    private readonly display: GrantSink,
    private readonly renderers: RendererRegistry,
    private readonly plugins: PluginService,
  ) {
    renderers.onDrawingChanged(() => this.update());
    plugins.onDrawingChanged(() => this.update());
  }

  private update(): void {
    const next = this.derive();
    const changes = diffGrants(this.drawers, next);
    this.drawers = next;
    // Rights are withdrawn before surfaces are dropped, so a frame in flight cannot bring one back.
    for (const token of changes.revoke) this.display.revoke(token);
    for (const grant of changes.authorize) this.display.authorize(grant);
    for (const surfaceId of changes.drop) this.display.dropSurface(surfaceId);
  }

  private derive(): Drawer[] {
    const live = <H extends { state: string }>(hosts: H[]) => hosts.filter((h) => h.state !== 'gone');
    const renderers = live(this.renderers.all()).map((r) => ({
      token: r.token,
      pid: r.pid,
      surfaces: [...r.tabs].map(tabSurfaceId),
      embeds: this.plugins.surfacesShownBy(r),
    }));
    const plugins = live(this.plugins.processes()).map((p) => ({
      token: p.token,
      pid: p.pid,
      surfaces: [...p.instances].map(pluginSurfaceId),
      embeds: [],
    }));
    return [...renderers, ...plugins];
  }
}

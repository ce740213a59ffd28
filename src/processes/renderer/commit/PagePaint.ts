/**
 * The commit: what the main thread hands the compositor thread (Blink's commit to cc's pending
 * tree). Plain data, structured-cloned across the thread boundary: layers of display items, each
 * with its transform resolved to pixels and its animation as keyframes, so the compositor can
 * move and animate a layer without ever reading CSS.
 */
import type { Matrix, Rect } from '../../../common/geometry';
import type { DisplayItem } from '../paint/DisplayList';

/** One transform function with lengths resolved to pixels. */
export type ResolvedTransform =
  | { fn: 'translate'; x: number; y: number }
  | { fn: 'rotate'; rad: number }
  | { fn: 'scale'; x: number; y: number }
  | { fn: 'skew'; x: number; y: number }
  | { fn: 'matrix'; m: Matrix };

export type Easing = [number, number, number, number] | 'linear' | { steps: number };

export interface AnimationSpec {
  name: string;
  durationMs: number;
  delayMs: number;
  easing: Easing;
  /** Infinity for `infinite`. */
  iterations: number;
  direction: 'normal' | 'reverse' | 'alternate' | 'alternate-reverse';
  fill: 'none' | 'forwards' | 'backwards' | 'both';
}

export interface LayerAnimation {
  spec: AnimationSpec;
  frames: { offset: number; transform: ResolvedTransform[]; opacity: number }[];
}

export interface LayerData {
  id: number;
  /** The layer this one moves and clips with; null for the root (the document). */
  parent: number | null;
  /** Where the layer sits in its parent's content, and (for a scroller) the size of its viewport. */
  bounds: Rect;
  /** What the layer's tiles cover: its contents, larger than bounds when it scrolls. */
  contentSize: { w: number; h: number };
  scrollable: boolean;
  items: DisplayItem[];
  transform: ResolvedTransform[];
  /** transform-origin, in the layer's own coordinates. */
  origin: { x: number; y: number };
  opacity: number;
  animation?: LayerAnimation;
  /** Set on a plugin layer: the plugin instance's surface is drawn here. */
  plugin?: { instanceId: number; mimeType: string; surfaceId?: string };
}

export interface PagePaint {
  title: string;
  background: string;
  layers: LayerData[];
  /** The page listens for wheel events: the compositor must ask the main thread before scrolling. */
  wheelListeners: boolean;
}

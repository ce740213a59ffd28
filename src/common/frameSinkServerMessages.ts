/**
 * The display compositor's three messages to a frame sink client (`viz/client/FrameSinkClient`),
 * with their schema written out by hand rather than in zod: the client runs on a renderer's
 * compositor thread, which reads nothing else from another process, and zod with the protocol's
 * schemas would cost that thread's heap ~4 MB (`bench memory`). `protocol.ts` re-exports them, so
 * it still lists every message that crosses a process boundary.
 */
import { LIMITS } from './limits';

/** A surface is what the display compositor draws: a tab (`tab:3`) or a plugin instance (`plugin:7`). */
export const SURFACE_ID = /^(tab|plugin):\d+$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export type FrameSinkServerMessage =
  | { type: 'welcome' }
  /**
   * The surfaces the client may submit now: sent after the welcome and whenever its grant changes.
   * Said on the frame sink channel itself, so an honest client never submits a surface before the
   * display compositor holds its grant, however late the browser's grant travels.
   */
  | { type: 'granted'; surfaces: string[] }
  | { type: 'frame-ack'; surfaceId: string; seq: number };

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const isSurfaceId = (raw: unknown): raw is string => typeof raw === 'string' && SURFACE_ID.test(raw);
const isId = (raw: unknown): raw is number => Number.isSafeInteger(raw) && (raw as number) >= 0;

/** Parses one message; like zod's objects, the value holds only the known fields. */
export function parseFrameSinkServerMessage(raw: unknown): Parsed<FrameSinkServerMessage> {
  if (!isRecord(raw)) return { ok: false, reason: 'expected an object' };
  switch (raw.type) {
    case 'welcome':
      return { ok: true, value: { type: 'welcome' } };
    case 'granted': {
      const surfaces = raw.surfaces;
      if (!Array.isArray(surfaces)) return { ok: false, reason: 'expected an array at surfaces' };
      if (surfaces.length > LIMITS.surfacesPerGrant)
        return { ok: false, reason: `more than ${LIMITS.surfacesPerGrant} surfaces at surfaces` };
      const bad = surfaces.findIndex((s) => !isSurfaceId(s));
      if (bad >= 0) return { ok: false, reason: `not a surface id at surfaces.${bad}` };
      return { ok: true, value: { type: 'granted', surfaces: [...(surfaces as string[])] } };
    }
    case 'frame-ack':
      if (!isSurfaceId(raw.surfaceId)) return { ok: false, reason: 'not a surface id at surfaceId' };
      if (!isId(raw.seq)) return { ok: false, reason: 'not a non-negative integer at seq' };
      return { ok: true, value: { type: 'frame-ack', surfaceId: raw.surfaceId, seq: raw.seq } };
    default:
      return { ok: false, reason: 'unknown message type at type' };
  }
}

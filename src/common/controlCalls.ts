/**
 * The control API's methods as call schemas, for transports that carry a method name and
 * arguments (Electron's IPC). Whatever arrives is checked here before it reaches the kernel.
 */
import { z } from 'zod';
import { InputEvent, RenderingOverlays } from './protocol';

const tabId = z.number().int().nonnegative();
const pid = z.number().int().positive();
const url = z.string().max(64 * 1024);

export const CONTROL_CALLS = {
  listTabs: z.tuple([]),
  openTab: z.tuple([url]),
  closeTab: z.tuple([tabId]),
  navigate: z.tuple([tabId, url]),
  reload: z.tuple([tabId]),
  listProcesses: z.tuple([]),
  killProcess: z.tuple([pid]),
  crashThread: z.tuple([pid, z.string().max(64), z.enum(['exception', 'segfault'])]),
  listDemos: z.tuple([]),
  display: z.tuple([]),
  runLab: z.tuple([z.enum(['ipc', 'threads']), z.boolean()]),
  sendInput: z.tuple([tabId, InputEvent]),
  consoleMessages: z.tuple([tabId]),
  tileReport: z.tuple([tabId]),
  renderingOverlays: z.tuple([]),
  setRenderingOverlays: z.tuple([RenderingOverlays]),
} as const;

export type ControlMethod = keyof typeof CONTROL_CALLS;

export function parseCall(
  method: unknown,
  args: unknown,
): { ok: true; method: ControlMethod; args: unknown[] } | { ok: false; reason: string } {
  if (typeof method !== 'string' || !Object.hasOwn(CONTROL_CALLS, method))
    return { ok: false, reason: `"${String(method).slice(0, 40)}" is not a control API method` };
  const parsed = CONTROL_CALLS[method as ControlMethod].safeParse(args);
  if (!parsed.success) return { ok: false, reason: `bad arguments for ${method}: ${parsed.error.issues[0]?.message}` };
  return { ok: true, method: method as ControlMethod, args: parsed.data };
}

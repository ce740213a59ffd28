/**
 * A call to the control API as it arrives from a transport, checked against the table before it
 * reaches the kernel: by name and arguments (Electron's IPC) or as an HTTP request (`controlRoutes.ts`).
 */
import { CONTROL_API, type ControlApi, type ControlMethod } from './controlApi';
import { type MethodRow, parseArgs } from './controlMethod';

/** A call whose method is in the table and whose arguments passed its schemas. */
export interface ControlCall {
  method: ControlMethod;
  args: unknown[];
}

export type CallResult = ({ ok: true } & ControlCall) | { ok: false; reason: string };

function isControlMethod(name: unknown): name is ControlMethod {
  return typeof name === 'string' && Object.hasOwn(CONTROL_API, name);
}

export function rowOf(method: ControlMethod): MethodRow {
  return CONTROL_API[method];
}

/** Checks a call that names its method and lists its arguments. */
export function parseCall(method: unknown, args: unknown): CallResult {
  if (!isControlMethod(method))
    return { ok: false, reason: `"${String(method).slice(0, 40)}" is not a control API method.` };
  if (!Array.isArray(args)) return { ok: false, reason: `The arguments of ${method} are not a list.` };
  const parsed = parseArgs(method, rowOf(method), args);
  return parsed.ok ? { ok: true, method, args: parsed.args } : parsed;
}

/** Runs a checked call on the kernel. */
export function invoke(api: ControlApi, call: ControlCall): unknown {
  return (api[call.method] as (...args: unknown[]) => unknown).apply(api, call.args);
}

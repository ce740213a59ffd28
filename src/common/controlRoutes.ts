/**
 * The control API over HTTP, derived from the table: each row's `METHOD /api/path` becomes a
 * route whose `:name` segments are matched by what their schema admits (digits for a number, the
 * words of an enum, any segment for a string) and whose body carries the other arguments. The
 * web shell routes requests with it; clients build requests with it.
 */
import { z } from 'zod';
import { CONTROL_API, type ControlMethod } from './controlApi';
import { type CallResult, rowOf } from './controlCalls';
import { type Arg, type HttpMethod, httpOf, type MethodRow, parseArgs } from './controlMethod';

interface Route {
  method: ControlMethod;
  verb: HttpMethod;
  pattern: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a path argument's segment may look like, from its schema. */
function segmentPattern(arg: Arg): string {
  if (arg.schema instanceof z.ZodNumber) return '(\\d+)';
  if (arg.schema instanceof z.ZodEnum) return `(${arg.schema.options.map((o) => escape(String(o))).join('|')})`;
  if (arg.schema instanceof z.ZodString) return '([^/]+)';
  throw new Error(`path argument ${arg.name} has a schema that names no segment shape`);
}

function routeOf(method: ControlMethod, row: MethodRow): Route {
  const { verb, template } = httpOf(row);
  const pathArgs = row.args.filter((a) => a.place === 'path');
  const source = template
    .split('/')
    .map((part) => (part.startsWith(':') ? segmentPattern(pathArgs.find((a) => `:${a.name}` === part)!) : escape(part)))
    .join('/');
  return { method, verb, pattern: new RegExp(`^${source}$`) };
}

const ROUTES: Route[] = (Object.keys(CONTROL_API) as ControlMethod[]).map((m) => routeOf(m, rowOf(m)));

export type RouteMatch = { ok: true; method: ControlMethod; segments: string[] } | { ok: false; status: 404 | 405 };

/** Finds the route of a request: 404 when no route has the path, 405 when none has it with this verb. */
export function matchRoute(verb: string, pathname: string): RouteMatch {
  const sameVerb = ROUTES.filter((r) => r.verb === verb);
  for (const r of sameVerb) {
    const m = r.pattern.exec(pathname);
    if (m) return { ok: true, method: r.method, segments: m.slice(1) };
  }
  return { ok: false, status: ROUTES.some((r) => r.pattern.test(pathname)) ? 405 : 404 };
}

/** Gathers a request's arguments from its path segments and its JSON body, then checks them as any call. */
export function parseRequest(method: ControlMethod, segments: readonly string[], body: unknown): CallResult {
  const row = rowOf(method);
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!fields && row.args.some((a) => a.place === 'field'))
    return { ok: false, reason: `The body of ${method} must be a JSON object.` };
  const raw: unknown[] = [];
  let segment = 0;
  for (const arg of row.args) {
    if (arg.place === 'body') raw.push(body);
    else if (arg.place === 'field') raw.push(fields?.[arg.name]);
    else {
      const text = segments[segment++];
      const value = arg.schema instanceof z.ZodNumber ? Number(text) : decodeSegment(text);
      if (value === null) return { ok: false, reason: `The ${arg.name} in the path of ${method} is badly escaped.` };
      raw.push(value);
    }
  }
  const parsed = parseArgs(method, row, raw);
  return parsed.ok ? { ok: true, method, args: parsed.args } : parsed;
}

function decodeSegment(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export interface HttpRequest {
  verb: HttpMethod;
  path: string;
  body?: unknown;
}

/** The HTTP request that carries a call: path arguments in the path, the others in the body. */
export function requestFor(method: ControlMethod, args: readonly unknown[]): HttpRequest {
  const row = rowOf(method);
  const { verb, template } = httpOf(row);
  const valueOf = (name: string) => args[row.args.findIndex((a) => a.name === name)];
  const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(valueOf(name))));
  const whole = row.args.find((a) => a.place === 'body');
  const fields = row.args.filter((a) => a.place === 'field');
  if (whole) return { verb, path, body: valueOf(whole.name) };
  if (fields.length) return { verb, path, body: Object.fromEntries(fields.map((a) => [a.name, valueOf(a.name)])) };
  return { verb, path };
}

/** What an HTTP request answers for a call: its result, or what the row says instead. */
export function httpAnswer(method: ControlMethod, args: unknown[], result: unknown): unknown {
  const row = rowOf(method);
  return row.answer ? row.answer(args) : result;
}

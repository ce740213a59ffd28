/**
 * What one row of the control API table (`controlApi.ts`) says about a method: its arguments,
 * each with a schema and a place in an HTTP request, its HTTP method and path, and its result
 * type. Every transport is derived from rows: nothing here knows a method by name.
 */
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** Where an argument travels over HTTP: a `:name` segment of the path, a field of the JSON body, or the whole body. */
export type ArgPlace = 'path' | 'field' | 'body';

export interface Arg<S extends z.ZodType = z.ZodType> {
  name: string;
  place: ArgPlace;
  schema: S;
}

/** A path argument's schema must say what its segment looks like: a number, one of a few words, or a string. */
export type PathSchema = z.ZodNumber | z.ZodEnum | z.ZodString;

export const inPath = <S extends PathSchema>(name: string, schema: S): Arg<S> => ({ name, place: 'path', schema });
export const inField = <S extends z.ZodType>(name: string, schema: S): Arg<S> => ({ name, place: 'field', schema });
export const asBody = <S extends z.ZodType>(name: string, schema: S): Arg<S> => ({ name, place: 'body', schema });

/** A result type, carried by the type alone: the kernel is trusted, so its answers are not parsed. */
export interface Result<R> {
  readonly result?: R;
}
/** The kernel answers at once. */
export const returns = <R>(): Result<R> => ({});
/** The kernel answers with a promise. */
export const resolves = <R>(): Result<Promise<R>> => ({});

/** The values of a row's arguments, in call order, as the kernel receives them (defaults applied). */
export type ArgsOf<A extends readonly Arg[]> = {
  -readonly [K in keyof A]: A[K] extends Arg<infer S> ? z.output<S> : never;
};

export interface MethodRow<A extends readonly Arg[] = readonly Arg[], R = unknown> {
  /** `METHOD /api/path`, with a `:name` segment for each path argument. */
  http: `${HttpMethod} /api/${string}`;
  args: A;
  result: Result<R>;
  /** What the HTTP answer is instead of the result, for methods whose result is nothing. */
  answer?(args: ArgsOf<A>): unknown;
}

/** A row's HTTP method and path template. */
export function httpOf(row: MethodRow): { verb: HttpMethod; template: string } {
  const [verb, template] = row.http.split(' ') as [HttpMethod, string];
  return { verb, template };
}

/** The function a row describes: the signature a kernel implements and a client offers. */
export type MethodOf<Row> = Row extends MethodRow<infer A, infer R> ? (...args: ArgsOf<A>) => R : never;

/** Declares a row, checking once, when the table loads, that its path and its arguments agree. */
export function method<const A extends readonly Arg[], R>(row: MethodRow<A, R>): MethodRow<A, R> {
  if (new Set(row.args.map((a) => a.name)).size !== row.args.length)
    throw new Error(`${row.http}: two arguments share a name`);
  const segments = [...row.http.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const pathArgs = row.args.filter((a) => a.place === 'path').map((a) => a.name);
  if (segments.join() !== pathArgs.join())
    throw new Error(`${row.http}: path segments (${segments}) differ from path arguments (${pathArgs})`);
  const bodies = row.args.filter((a) => a.place === 'body').length;
  if (bodies > 1 || (bodies === 1 && row.args.some((a) => a.place === 'field')))
    throw new Error(`${row.http}: a body is either one argument or a set of fields, not both`);
  if (row.http.startsWith('GET') && row.args.some((a) => a.place !== 'path'))
    throw new Error(`${row.http}: a GET carries no body, so its arguments must be in the path`);
  return row;
}

export type ArgsResult = { ok: true; args: unknown[] } | { ok: false; reason: string };

/**
 * Checks each argument against its schema, whatever carried it: the reason for a refusal is the
 * same sentence over HTTP and over IPC.
 */
export function parseArgs(name: string, row: MethodRow, raw: readonly unknown[]): ArgsResult {
  if (raw.length > row.args.length)
    return { ok: false, reason: `${name} takes ${row.args.length} arguments, not ${raw.length}.` };
  const args: unknown[] = [];
  for (const [i, arg] of row.args.entries()) {
    const r = arg.schema.safeParse(raw[i]);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return { ok: false, reason: `Bad ${arg.name} for ${name}${where}: ${issue?.message ?? 'invalid'}.` };
    }
    args.push(r.data);
  }
  return { ok: true, args };
}

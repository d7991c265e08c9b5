/**
 * What the visitors' POST endpoints share (questions, sign-ups): the body as an object, from a plain
 * form post (no JavaScript) or from JSON (the islands), within a size limit, and whether the caller
 * wants JSON or a whole page back.
 */
import type { IncomingMessage } from 'node:http';
import { readBody } from './read-body.ts';

export interface FormRequest {
  /** `Accept: application/json`: answer JSON; otherwise a page. */
  json: boolean;
  /** Null when the body is too large, not an object, or of another type. */
  data: Record<string, unknown> | null;
  /** True when the body was refused for its size. */
  tooLarge: boolean;
  /** True when the body did not arrive whole within the time allowed (a slow trickle): nothing of it is used. */
  timedOut?: boolean;
}

const TIMED_OUT = Symbol('timed out');

/**
 * The body of a visitor's POST as an object. With `timeoutMs`, a body that has not arrived whole by then
 * (a client that trickles bytes to hold the connection) is given up: `timedOut`, no data.
 */
export async function readFormRequest(req: IncomingMessage, maxBytes: number, timeoutMs = 0): Promise<FormRequest> {
  const json = (req.headers['accept'] ?? '').includes('application/json');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    if (timeoutMs > 0) timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const body = await Promise.race([readBody(req, maxBytes), timeout]);
  clearTimeout(timer);
  if (body === TIMED_OUT) return { json, data: null, tooLarge: false, timedOut: true };
  if (body === null) return { json, data: null, tooLarge: true };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      const value: unknown = JSON.parse(body);
      return { json, data: value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null, tooLarge: false };
    } catch {
      return { json, data: null, tooLarge: false };
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    // Browsers send CRLF line ends from a textarea; keep the text as typed.
    return { json, data: Object.fromEntries([...new URLSearchParams(body)].map(([k, v]) => [k, v.replace(/\r\n/g, '\n')])), tooLarge: false };
  }
  return { json, data: null, tooLarge: false };
}

/** The first problem per field of a zod error, keyed by the field's name. */
export function fieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fields;
}

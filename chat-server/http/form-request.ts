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
}

export async function readFormRequest(req: IncomingMessage, maxBytes: number): Promise<FormRequest> {
  const json = (req.headers['accept'] ?? '').includes('application/json');
  const body = await readBody(req, maxBytes);
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

import { z } from 'zod';

const jsonObjectSchema = z.record(z.string(), z.unknown());

/** A JSON object read without `any`: its fields are `unknown`, enough for `expect(…)`, and it must be an object. */
export function asJsonObject(value: unknown): Record<string, unknown> {
  return jsonObjectSchema.parse(value);
}

/** A response's JSON body as an object (see `asJsonObject`). */
export async function jsonObject(res: Response): Promise<Record<string, unknown>> {
  return asJsonObject(await res.json());
}

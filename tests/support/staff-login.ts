import type { LoginResponse } from '../../shared/protocol/events.ts';

/** Logs a counsellor in on the server at `url` and returns the session token; throws with the Dutch error when refused. */
export async function staffLogin(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/medewerkers/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await res.json()) as LoginResponse;
  if (!body.ok) throw new Error(`login as ${name} refused: ${body.error}`);
  return body.token;
}

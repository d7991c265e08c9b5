/**
 * Who may use a staff endpoint over HTTP (questions, sign-ups): a request from this site or a program
 * (Origin), with a valid login (Bearer token of the chat login), for an account whose role is allowed.
 * Each endpoint answers the refusal in its own words.
 */
import type { IncomingMessage } from 'node:http';
import type { StaffRole } from '../../shared/protocol/limits.ts';
import { originAllowed } from '../safety/origin.ts';

export interface StaffMember {
  name: string;
  role: StaffRole;
}

export type StaffRefusal = 'bad_origin' | 'unauthorized' | 'forbidden';

export async function staffAccess(
  req: IncomingMessage,
  options: { extraOrigins: readonly string[]; staffFromRequest: (req: IncomingMessage) => Promise<StaffMember | null>; roles: readonly StaffRole[] },
): Promise<{ ok: true; member: StaffMember } | { ok: false; refusal: StaffRefusal }> {
  if (!originAllowed(req, options.extraOrigins)) return { ok: false, refusal: 'bad_origin' };
  const member = await options.staffFromRequest(req);
  if (!member) return { ok: false, refusal: 'unauthorized' };
  if (!options.roles.includes(member.role)) return { ok: false, refusal: 'forbidden' };
  return { ok: true, member };
}

import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../../shared/protocol/limits.ts';
import { counsellorName } from '../../shared/protocol/schemas.ts';
import type { PasswordHash } from './password.ts';

/**
 * Counsellor accounts in `<data dir>/counsellors.json`: name, role and scrypt hash, nothing else.
 * Written only by `npm run counsellor` (atomic rename, mode 0600); the server re-reads it when its
 * modification time changes, so adding or removing an account needs no restart.
 */
export const ACCOUNTS_FILE = 'counsellors.json';

const passwordHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  keyLength: z.number().int().min(16),
  salt: z.string().min(8),
  hash: z.string().min(16),
});

const accountSchema = z.object({
  name: counsellorName,
  role: z.enum(STAFF_ROLES),
  password: passwordHashSchema,
  createdAt: z.string(),
  /** Goes up by one on every change (password, role); never down, so an old version never comes back. */
  revision: z.number().int().min(0).optional(),
});

const fileSchema = z.object({
  version: z.literal(1),
  counsellors: z.array(accountSchema),
});

export type Account = z.infer<typeof accountSchema>;

/** Account names are unique regardless of case: "Sanne" and "sanne" are one person. */
export function accountKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('nl-NL');
}

export function accountsPath(dataDir: string): string {
  return join(dataDir, ACCOUNTS_FILE);
}

/** Reads the file; an absent file is an empty list. A broken file throws, naming the file and field. */
export function readAccounts(dataDir: string): Account[] {
  const path = accountsPath(dataDir);
  if (!existsSync(path)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path}: geen geldige JSON.`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: veld ${issue.path.join('.') || '(bestand)'}: ${issue.message}`);
  }
  return parsed.data.counsellors;
}

export function writeAccounts(dataDir: string, accounts: Account[]): void {
  mkdirSync(dataDir, { recursive: true });
  const path = accountsPath(dataDir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, counsellors: accounts }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

export function addAccount(dataDir: string, name: string, role: StaffRole, password: PasswordHash, now = new Date()): Account {
  const accounts = readAccounts(dataDir);
  const key = accountKey(name);
  if (accounts.some((a) => accountKey(a.name) === key)) throw new Error(`Er is al een account met de naam "${name}".`);
  const account: Account = { name: name.trim(), role, password, createdAt: now.toISOString() };
  writeAccounts(dataDir, [...accounts, account]);
  return account;
}

/**
 * A fingerprint of everything a login depends on: role, salt, hash and the revision counter. A login
 * session stores it, so a new password, a new role, or remove + add under the same name ends every
 * session of the old one, and setting a role back (A → B → A) does not revive them: the revision only
 * ever goes up.
 */
export function accountVersion(account: Account): string {
  const { role, password, revision = 0 } = account;
  return createHash('sha256').update(`${role}\0${password.salt}\0${password.hash}\0${revision}`).digest('base64url').slice(0, 22);
}

function updateAccount(dataDir: string, name: string, change: (account: Account) => Account): Account {
  const accounts = readAccounts(dataDir);
  const key = accountKey(name);
  const index = accounts.findIndex((a) => accountKey(a.name) === key);
  if (index < 0) throw new Error(`Er is geen account met de naam "${name}".`);
  const current = accounts[index];
  const updated = { ...change(current), revision: (current.revision ?? 0) + 1 };
  accounts[index] = updated;
  writeAccounts(dataDir, accounts);
  return updated;
}

/** The password reset: a new hash, so every login with the old password ends. */
export function setAccountPassword(dataDir: string, name: string, password: PasswordHash): Account {
  return updateAccount(dataDir, name, (account) => ({ ...account, password }));
}

/** A new role; open sessions end, so nobody keeps a role they no longer have. */
export function setAccountRole(dataDir: string, name: string, role: StaffRole): Account {
  return updateAccount(dataDir, name, (account) => ({ ...account, role }));
}

export function removeAccount(dataDir: string, name: string): boolean {
  const accounts = readAccounts(dataDir);
  const key = accountKey(name);
  const kept = accounts.filter((a) => accountKey(a.name) !== key);
  if (kept.length === accounts.length) return false;
  writeAccounts(dataDir, kept);
  return true;
}

/**
 * The server's view of the accounts file: re-read whenever its modification time (or size)
 * changes. A file that turns unreadable keeps the last good list, so a half-edited file never
 * locks everyone out; `onError` reports it.
 */
export class AccountBook {
  private readonly dataDir: string;
  private stamp = '';
  private accounts = new Map<string, Account>();
  private readonly onError: (error: unknown) => void;

  constructor(dataDir: string, onError: (error: unknown) => void = () => {}) {
    this.dataDir = dataDir;
    this.onError = onError;
    this.refresh();
  }

  /** Re-reads the file if it changed; true when the list changed. */
  refresh(): boolean {
    const path = accountsPath(this.dataDir);
    let stamp = 'absent';
    try {
      const stat = statSync(path);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      // no file: no accounts
    }
    if (stamp === this.stamp) return false;
    try {
      const accounts = stamp === 'absent' ? [] : readAccounts(this.dataDir);
      this.accounts = new Map(accounts.map((a) => [accountKey(a.name), a]));
      this.stamp = stamp;
      return true;
    } catch (error) {
      this.onError(error);
      return false;
    }
  }

  get(name: string): Account | undefined {
    this.refresh();
    return this.accounts.get(accountKey(name));
  }
}

/**
 * How many password checks run at once (chat-server/accounts/login-gate.ts), and whether an old
 * login session still belongs to the account as it is now (staff-session.ts). Both decide whether
 * a counsellor gets in, so each limit is pinned at its edge.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AccountBook, accountVersion, addAccount, removeAccount, setAccountRole } from '../../chat-server/accounts/account-file.ts';
import { DEFAULT_LOGIN_GATE, LoginGate } from '../../chat-server/accounts/login-gate.ts';
import type { PasswordHash } from '../../chat-server/accounts/password.ts';
import { currentStaff } from '../../chat-server/accounts/staff-session.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';

/** Resolves once every promise callback queued so far has run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The slot of an attempt that must have been let in (a refusal fails the test). */
function admitted(entry: Promise<() => void> | null): Promise<() => void> {
  if (entry === null) throw new Error('refused, but should have been let in');
  return entry;
}

/** Which of the started checks have been let through so far. */
async function started(entries: (Promise<() => void> | null)[]): Promise<boolean[]> {
  const through = entries.map(() => false);
  entries.forEach((entry, i) => void entry?.then(() => (through[i] = true)));
  await settle();
  return through;
}

describe('login gate', () => {
  test('one check per name at a time: a second try for the same name is refused at once, another name is not', async () => {
    const gate = new LoginGate({ perName: 1, perNetwork: 5, overall: 5, waiting: 5 });
    const first = gate.enter('sanne', 'net-a');
    expect(first).not.toBeNull();
    expect(gate.enter('sanne', 'net-b')).toBeNull();
    expect(gate.enter('kees', 'net-b')).not.toBeNull();
    (await admitted(first))();
    expect(gate.enter('sanne', 'net-b')).not.toBeNull();
  });

  test('two checks per network at a time; the third from that network is refused', async () => {
    const gate = new LoginGate({ perName: 5, perNetwork: 2, overall: 5, waiting: 5 });
    const a = gate.enter('sanne', 'net');
    expect(gate.enter('kees', 'net')).not.toBeNull();
    expect(gate.enter('ayse', 'net')).toBeNull();
    expect(gate.enter('ayse', 'other-net')).not.toBeNull();
    (await admitted(a))();
    expect(gate.enter('ayse', 'net')).not.toBeNull();
  });

  test('overall: two run, a short line waits in turn, and beyond the line it is refused', async () => {
    const gate = new LoginGate({ perName: 5, perNetwork: 5, overall: 2, waiting: 2 });
    const entries = [gate.enter('a', 'n1'), gate.enter('b', 'n2'), gate.enter('c', 'n3'), gate.enter('d', 'n4')];
    expect(entries.every((e) => e !== null)).toBe(true);
    expect(gate.enter('e', 'n5')).toBeNull();
    expect(await started(entries)).toEqual([true, true, false, false]);

    (await admitted(entries[0]))();
    expect(await started(entries)).toEqual([true, true, true, false]);
    (await admitted(entries[1]))();
    expect(await started(entries)).toEqual([true, true, true, true]);
    // The line is empty again: a new attempt may wait.
    expect(gate.enter('e', 'n5')).not.toBeNull();
  });

  test('a finished check frees its name and network, also when it waited in line first', async () => {
    const gate = new LoginGate({ perName: 1, perNetwork: 1, overall: 1, waiting: 1 });
    const first = gate.enter('sanne', 'net-a');
    const waiting = gate.enter('kees', 'net-b');
    expect(waiting).not.toBeNull();
    (await admitted(first))();
    (await admitted(waiting))();
    expect(gate.enter('kees', 'net-b')).not.toBeNull();
    expect(gate.enter('sanne', 'net-a')).not.toBeNull();
  });

  test('the default: one check per name, two per network, two at once (two of four pool threads stay free), eight waiting', () => {
    expect(DEFAULT_LOGIN_GATE).toEqual({ perName: 1, perNetwork: 2, overall: 2, waiting: 8 });
  });
});

describe('login session belongs to the account as it is now', () => {
  const hash = (salt: string): PasswordHash => ({ algorithm: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 32, salt, hash: `${salt}-hash-0123456789` });

  async function setup() {
    const dir = mkdtempSync(join(tmpdir(), 'cjg-staff-session-'));
    const account = addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    const store = new MemoryChatStore();
    await store.putStaffSession('token-hash', { counsellorKey: 'sanne', expiresAt: 10_000, accountVersion: accountVersion(account) });
    return { dir, store, book: new AccountBook(dir) };
  }

  test('a good session gives the account', async () => {
    const { store, book } = await setup();
    expect((await currentStaff(store, book, 'token-hash', 0))?.name).toBe('Sanne');
  });

  test('an unknown or expired session gives nobody', async () => {
    const { store, book } = await setup();
    expect(await currentStaff(store, book, 'other-hash', 0)).toBeNull();
    expect(await currentStaff(store, book, 'token-hash', 10_000)).toBeNull();
  });

  test('a new role or a removed account ends the session', async () => {
    const { dir, store, book } = await setup();
    setAccountRole(dir, 'Sanne', 'supervisor');
    expect(await currentStaff(store, book, 'token-hash', 0)).toBeNull();
    removeAccount(dir, 'Sanne');
    expect(await currentStaff(store, book, 'token-hash', 0)).toBeNull();
  });
});

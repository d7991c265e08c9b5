/**
 * The counsellors' accounts file as the CLI (`npm run counsellor`) and the server see it: adding,
 * changing and removing accounts by name (case does not matter), and a hand-edited file that is
 * broken, with a Dutch message that names the file and the field.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  AccountBook,
  accountVersion,
  accountsPath,
  addAccount,
  readAccounts,
  removeAccount,
  setAccountPassword,
  setAccountRole,
} from '../../chat-server/accounts/account-file.ts';
import type { PasswordHash } from '../../chat-server/accounts/password.ts';

/** A well-formed hash (no scrypt needed: these tests never check a password). */
function hash(salt: string): PasswordHash {
  return { algorithm: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 32, salt, hash: `${salt}-hash-0123456789` };
}

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cjg-account-file-'));
}

describe('removing an account', () => {
  test('removes only that person, whatever case the name is typed in, and says so', () => {
    const dir = dataDir();
    addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    addAccount(dir, 'Jesse', 'supervisor', hash('salt-jesse'));
    addAccount(dir, 'Ayşe', 'counsellor', hash('salt-ayse'));
    expect(removeAccount(dir, '  sANNE ')).toBe(true);
    expect(readAccounts(dir).map((a) => a.name)).toEqual(['Jesse', 'Ayşe']);
  });

  test('a name that is not there: false, and the file is not rewritten', () => {
    const dir = dataDir();
    addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    const before = statSync(accountsPath(dir));
    expect(removeAccount(dir, 'Sane')).toBe(false);
    const after = statSync(accountsPath(dir));
    expect(after.ino).toBe(before.ino);
    expect(readAccounts(dir).map((a) => a.name)).toEqual(['Sanne']);
  });
});

describe('changing an account', () => {
  test('a new password or role keeps the name and creation date, and changes the version that ends old sessions', () => {
    const dir = dataDir();
    const created = addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'), new Date('2026-03-02T09:00:00Z'));
    const reset = setAccountPassword(dir, 'sanne', hash('salt-nieuw'));
    expect(reset).toEqual({ ...created, password: hash('salt-nieuw'), revision: 1 });
    expect(accountVersion(reset)).not.toBe(accountVersion(created));
    const promoted = setAccountRole(dir, 'SANNE', 'supervisor');
    expect(promoted).toEqual({ ...reset, role: 'supervisor', revision: 2 });
    expect(accountVersion(promoted)).not.toBe(accountVersion(reset));
    expect(readAccounts(dir)).toEqual([promoted]);
  });

  test('an unknown name is refused in Dutch and nothing changes', () => {
    const dir = dataDir();
    addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    const text = readFileSync(accountsPath(dir), 'utf8');
    expect(() => setAccountRole(dir, 'Kees', 'supervisor')).toThrow('Er is geen account met de naam "Kees".');
    expect(readFileSync(accountsPath(dir), 'utf8')).toBe(text);
  });
});

describe('the file on disk', () => {
  test('only the server user may read it (mode 0600), also after a change', () => {
    const dir = dataDir();
    addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    expect(statSync(accountsPath(dir)).mode & 0o777).toBe(0o600);
    setAccountRole(dir, 'Sanne', 'supervisor');
    expect(statSync(accountsPath(dir)).mode & 0o777).toBe(0o600);
  });

  test('the server notices a change and says the list changed; no change, nothing to do', () => {
    const dir = dataDir();
    const book = new AccountBook(dir);
    expect(book.refresh()).toBe(false);
    addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    expect(book.refresh()).toBe(true);
    expect(book.refresh()).toBe(false);
    expect(book.get('sanne')?.role).toBe('counsellor');
  });
});

describe('a hand-edited file that is broken', () => {
  const write = (dir: string, content: unknown) => writeFileSync(accountsPath(dir), JSON.stringify(content));

  test('names the file and the field that is wrong', () => {
    const dir = dataDir();
    write(dir, { version: 1, counsellors: [{ name: 'Sanne', role: 'baas', password: hash('salt-sanne'), createdAt: '2026-03-02' }] });
    expect(() => readAccounts(dir)).toThrow(new RegExp(`^${accountsPath(dir)}: veld counsellors\\.0\\.role: .+`));
  });

  test('a problem with the file as a whole says "(bestand)"', () => {
    const dir = dataDir();
    write(dir, ['Sanne']);
    expect(() => readAccounts(dir)).toThrow(new RegExp(`^${accountsPath(dir)}: veld \\(bestand\\): .+`));
  });

  test('the server keeps the last good list, reports the problem and says the list did not change', () => {
    const dir = dataDir();
    addAccount(dir, 'Sanne', 'counsellor', hash('salt-sanne'));
    const errors: unknown[] = [];
    const book = new AccountBook(dir, (e) => errors.push(e));
    expect(book.refresh()).toBe(false);
    write(dir, { version: 2, counsellors: [] });
    expect(book.refresh()).toBe(false);
    expect(book.get('sanne')?.name).toBe('Sanne');
    expect(String(errors[0])).toContain('veld version');
  });
});

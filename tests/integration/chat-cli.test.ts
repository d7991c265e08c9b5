import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { accountVersion, readAccounts } from '../../chat-server/accounts/account-file.ts';
import { verifyPassword } from '../../chat-server/accounts/password.ts';
import { first } from '../support/defined.ts';

/** Runs `npm run counsellor -- …` as an administrator would, with the password piped in. */
function counsellor(dataDir: string, args: string[], input = '') {
  const run = spawnSync('npm', ['run', '-s', 'counsellor', '--', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, CJG_DATA_DIR: dataDir },
    timeout: 30_000,
  });
  return {
    code: run.status,
    out: run.stdout,
    err: run.stderr
      .split('\n')
      .filter((l) => !l.startsWith('npm warn'))
      .join('\n'),
  };
}

describe('npm run counsellor', () => {
  test('add (piped password), list, refuse duplicates and short passwords, remove', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cjg-cli-'));
    const added = counsellor(dataDir, ['add', 'Sanne'], 'een-goed-wachtwoord\n');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Account "Sanne" (medewerker) is aangemaakt');
    expect(counsellor(dataDir, ['add', 'Fatima', '--role', 'supervisor'], 'nog-een-wachtwoord\n').code).toBe(0);

    const file = join(dataDir, 'counsellors.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('een-goed-wachtwoord');
    const accounts = readAccounts(dataDir);
    const sanne = first(accounts, 'account');
    expect(sanne).toMatchObject({ name: 'Sanne', role: 'counsellor', password: { algorithm: 'scrypt' } });
    expect(accounts.at(1)?.role).toBe('supervisor');
    expect(await verifyPassword('een-goed-wachtwoord', sanne.password)).toBe(true);
    expect(await verifyPassword('een-ander-wachtwoord', sanne.password)).toBe(false);

    const list = counsellor(dataDir, ['list']);
    expect(list.out).toMatch(/^Sanne\tcounsellor\t/m);
    expect(list.out).toMatch(/^Fatima\tsupervisor\t/m);

    const duplicate = counsellor(dataDir, ['add', 'sanne'], 'een-goed-wachtwoord\n');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('Er is al een account met de naam');
    const short = counsellor(dataDir, ['add', 'Piet'], 'kort\n');
    expect(short.code).toBe(1);
    expect(short.err).toContain('minstens 10 tekens');
    expect(counsellor(dataDir, ['add', 'Rol', '--role', 'baas'], 'een-goed-wachtwoord\n').err).toContain('Onbekende rol');
    // The console calls young people "Jongere 2": a counsellor with that name would read as one.
    const lookalike = counsellor(dataDir, ['add', 'Jongere', '2'], 'een-goed-wachtwoord\n');
    expect(lookalike.code).toBe(1);
    expect(lookalike.err).toContain('lijkt op hoe jongeren in de chat heten');

    expect(counsellor(dataDir, ['remove', 'Sanne']).code).toBe(0);
    expect(readAccounts(dataDir).map((a) => a.name)).toEqual(['Fatima']);
    expect(counsellor(dataDir, ['remove', 'Sanne']).err).toContain('Er is geen account');
    // Eight runs of npm, each with a real-cost scrypt: an upper bound for a busy 2-core machine.
  }, 120_000);

  test('passwd and role change an account in place (no remove + add), and its version with it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cjg-cli-'));
    expect(counsellor(dataDir, ['add', 'Sanne'], 'een-goed-wachtwoord\n').code).toBe(0);
    const before = readAccounts(dataDir)[0];
    const passwd = counsellor(dataDir, ['passwd', 'sanne'], 'een-nieuw-wachtwoord\n');
    expect(passwd.code).toBe(0);
    expect(passwd.out).toContain('Het wachtwoord van "sanne" is veranderd');
    const after = readAccounts(dataDir)[0];
    expect(after.createdAt).toBe(before.createdAt);
    expect(await verifyPassword('een-nieuw-wachtwoord', after.password)).toBe(true);
    expect(await verifyPassword('een-goed-wachtwoord', after.password)).toBe(false);
    expect(accountVersion(after)).not.toBe(accountVersion(before));
    expect(counsellor(dataDir, ['passwd', 'Sanne'], 'kort\n').err).toContain('minstens 10 tekens');

    const role = counsellor(dataDir, ['role', 'Sanne', 'supervisor']);
    expect(role.code).toBe(0);
    expect(role.out).toContain('is nu leidinggevende');
    expect(readAccounts(dataDir)[0]?.role).toBe('supervisor');
    expect(accountVersion(readAccounts(dataDir)[0])).not.toBe(accountVersion(after));
    expect(counsellor(dataDir, ['role', 'Sanne', 'baas']).err).toContain('Onbekende rol');
    expect(counsellor(dataDir, ['passwd', 'Niemand'], 'een-goed-wachtwoord\n').err).toContain('Er is geen account');
  }, 120_000);
});

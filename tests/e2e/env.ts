import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Port and environment of the portal server the e2e tests run against. */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4329);

/**
 * A fresh data folder per run (counsellor accounts, aggregates), so tests never touch a real one
 * and never count what an earlier run left. Made once in the runner process; the server and the
 * workers inherit it through the environment.
 */
function runDataDir(): string {
  const given = process.env['E2E_DATA_DIR'];
  if (given) return given;
  const made = mkdtempSync(join(tmpdir(), `cjg-e2e-${E2E_PORT}-`));
  process.env['E2E_DATA_DIR'] = made;
  process.env['E2E_DATA_DIR_MADE_BY_RUN'] = '1';
  return made;
}
export const E2E_DATA_DIR = runDataDir();
/** True when this run made the folder (and may remove it afterwards). */
export const E2E_DATA_DIR_MADE_BY_RUN = process.env['E2E_DATA_DIR_MADE_BY_RUN'] === '1';

/**
 * The staff workspace tests (staff.spec.ts) get a chat server of their own: their young people
 * must never be taken by, or take the place of, the ones in chat.spec.ts when both files run at once.
 */
export const E2E_STAFF_PORT = E2E_PORT + 1000;
export const E2E_STAFF_DATA_DIR = join(E2E_DATA_DIR, 'staff');

/** The "Stel je vraag" server key of this run, in the environment (so nothing is written into the repo's secrets/). */
function runQuestionKey(): string {
  process.env['E2E_QUESTIONS_KEY'] ??= randomBytes(32).toString('base64url');
  return process.env['E2E_QUESTIONS_KEY'];
}

export function e2eServerEnv(port = E2E_PORT, dataDir = E2E_DATA_DIR): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    CJG_SKIP_BUILD: '1',
    CJG_DATA_DIR: dataDir,
    CJG_CHAT_ALWAYS_OPEN: '1',
    CJG_QUESTIONS_KEY: runQuestionKey(),
    // Every browser of the run is one network (127.0.0.1): the cap of 2 sign-ups per network per meeting
    // has its own integration test (signup-abuse.test.ts).
    CJG_SIGNUPS_PER_NETWORK_PER_OPTION: '100',
    ...(process.env['CJG_DIST_DIR'] ? { CJG_DIST_DIR: process.env['CJG_DIST_DIR'] } : {}),
  };
}

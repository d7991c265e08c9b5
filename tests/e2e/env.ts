import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Port and environment of the portal server the e2e tests run against. */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4329);

/** Per-run data folder (counsellor accounts, aggregates), so tests never touch a real one. */
export const E2E_DATA_DIR = process.env['E2E_DATA_DIR'] ?? join(tmpdir(), `cjg-e2e-${E2E_PORT}`);

export function e2eServerEnv(): Record<string, string> {
  return {
    PORT: String(E2E_PORT),
    HOST: '127.0.0.1',
    CJG_SKIP_BUILD: '1',
    CJG_DATA_DIR: E2E_DATA_DIR,
    CJG_CHAT_ALWAYS_OPEN: '1',
    ...(process.env['CJG_DIST_DIR'] ? { CJG_DIST_DIR: process.env['CJG_DIST_DIR'] } : {}),
  };
}

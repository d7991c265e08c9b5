/**
 * A SQLite file in CJG_DATA_DIR through Node's built-in node:sqlite, set up the way every store of this
 * server wants it (questions, sign-ups): WAL with `synchronous = FULL`, so a write is on disk when the
 * call returns and a crash in the middle of one leaves the previous state; `secure_delete`, so deleted
 * records do not linger in free pages; mode 0600 in a folder with mode 0700.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export function openSqlite(dataDir: string, file: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Create the file readable by this user only; SQLite gives its -wal and -shm files the same mode.
  closeSync(openSync(join(dataDir, file), 'a', 0o600));
  const db = new DatabaseSync(join(dataDir, file));
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA secure_delete = ON;
    PRAGMA busy_timeout = 5000;
  `);
  return db;
}

export function closeSqlite(db: DatabaseSync): void {
  if (!db.isOpen) return;
  // Fold the WAL back into the main file so the folder holds one file at rest.
  db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
  db.close();
}

/**
 * Questions on one node: `CJG_DATA_DIR/vragen.sqlite` (../storage/sqlite.ts: WAL, full sync,
 * secure_delete): a write is on disk when the call returns, and a crash in the middle of one leaves the
 * previous state (SQLite's journal), so nothing acknowledged is lost.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { closeSqlite, openSqlite } from '../storage/sqlite.ts';
import type { QuestionRecord, QuestionStore } from './store.ts';

export const SQLITE_FILE = 'vragen.sqlite';

export class SqliteQuestionStore implements QuestionStore {
  private readonly db: DatabaseSync;
  private readonly statements: Record<'insert' | 'get' | 'byLocator' | 'replace' | 'delete' | 'list' | 'count' | 'due', StatementSync>;

  constructor(dataDir: string) {
    this.db = openSqlite(dataDir, SQLITE_FILE);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS questions (
        id TEXT PRIMARY KEY,
        locator TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        delete_at INTEGER NOT NULL,
        doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS questions_delete_at ON questions (delete_at);
    `);
    this.statements = {
      insert: this.db.prepare('INSERT OR IGNORE INTO questions (id, locator, version, delete_at, doc) VALUES (?, ?, ?, ?, ?)'),
      get: this.db.prepare('SELECT doc FROM questions WHERE id = ?'),
      byLocator: this.db.prepare('SELECT doc FROM questions WHERE locator = ?'),
      replace: this.db.prepare('UPDATE questions SET version = ?, delete_at = ?, doc = ? WHERE id = ? AND version = ?'),
      delete: this.db.prepare('DELETE FROM questions WHERE id = ?'),
      list: this.db.prepare('SELECT doc FROM questions ORDER BY rowid'),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM questions'),
      due: this.db.prepare('SELECT id FROM questions WHERE delete_at <= ?'),
    };
  }

  async insert(record: QuestionRecord): Promise<boolean> {
    const result = this.statements.insert.run(record.id, record.locator, record.version, record.deleteAt, JSON.stringify(record));
    return result.changes === 1;
  }

  async get(id: string): Promise<QuestionRecord | null> {
    return parse(this.statements.get.get(id));
  }

  async findByLocator(locator: string): Promise<QuestionRecord | null> {
    return parse(this.statements.byLocator.get(locator));
  }

  async replace(record: QuestionRecord, expectedVersion: number): Promise<boolean> {
    const next = { ...record, version: expectedVersion + 1 };
    const result = this.statements.replace.run(next.version, next.deleteAt, JSON.stringify(next), record.id, expectedVersion);
    return result.changes === 1;
  }

  async delete(id: string): Promise<void> {
    this.statements.delete.run(id);
  }

  async list(): Promise<QuestionRecord[]> {
    return this.statements.list.all().map(parseRow);
  }

  async count(): Promise<number> {
    return Number(this.statements.count.get()?.['n'] ?? 0);
  }

  async dueForDeletion(now: number): Promise<string[]> {
    return this.statements.due.all(now).map((row) => String(row['id']));
  }

  async close(): Promise<void> {
    closeSqlite(this.db);
  }
}

function parse(row: Record<string, unknown> | undefined): QuestionRecord | null {
  return row ? parseRow(row) : null;
}

function parseRow(row: Record<string, unknown>): QuestionRecord {
  return JSON.parse(String(row['doc'])) as QuestionRecord;
}

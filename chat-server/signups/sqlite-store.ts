/**
 * Sign-ups on one node: `CJG_DATA_DIR/aanmeldingen.sqlite` (../storage/sqlite.ts: WAL, full sync,
 * secure_delete). `add` counts and inserts inside one IMMEDIATE transaction, so it is atomic even if a
 * second process opened the same file.
 */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { placement } from '../../shared/signup/places.ts';
import { closeSqlite, openSqlite } from '../storage/sqlite.ts';
import {
  movingUp,
  takenByOption,
  type AddResult,
  type CancelResult,
  type NewSignup,
  type PlacementRule,
  type SignupRecord,
  type SignupStore,
} from './store.ts';

export const SIGNUP_SQLITE_FILE = 'aanmeldingen.sqlite';

type Statement =
  | 'insert'
  | 'byDedupe'
  | 'byId'
  | 'recordsOfOption'
  | 'ofActivity'
  | 'ofOption'
  | 'list'
  | 'activities'
  | 'deleteActivity'
  | 'deleteOption'
  | 'deleteDue'
  | 'deleteOne'
  | 'promote'
  | 'fromNetwork'
  | 'count';

export class SqliteSignupStore implements SignupStore {
  private readonly db: DatabaseSync;
  private readonly statements: Record<Statement, StatementSync>;

  constructor(dataDir: string) {
    this.db = openSqlite(dataDir, SIGNUP_SQLITE_FILE);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS signups (
        id TEXT PRIMARY KEY,
        activity TEXT NOT NULL,
        option TEXT NOT NULL,
        people INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        delete_at INTEGER NOT NULL,
        dedupe TEXT NOT NULL UNIQUE,
        box TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS signups_activity ON signups (activity, option);
    `);
    // Files from before cancelling existed lack the column that marks who moved up from the waiting list.
    const known = this.db.prepare('SELECT name FROM pragma_table_info(?)').all('signups');
    if (!known.some((c) => c['name'] === 'promoted_at')) this.db.exec('ALTER TABLE signups ADD COLUMN promoted_at INTEGER');
    // Files from before one-time submission ids: `dedupe` was the contact hash, so it is their contact.
    if (!known.some((c) => c['name'] === 'contact')) {
      this.db.exec('ALTER TABLE signups ADD COLUMN contact TEXT; UPDATE signups SET contact = dedupe WHERE contact IS NULL;');
    }
    // Files from before the per-network cap per option.
    if (!known.some((c) => c['name'] === 'network')) this.db.exec('ALTER TABLE signups ADD COLUMN network TEXT');
    const columns =
      'id, activity AS activityId, option, people, status, created_at AS createdAt, delete_at AS deleteAt, dedupe, contact, network, box, promoted_at AS promotedAt';
    this.statements = {
      insert: this.db.prepare(
        'INSERT INTO signups (id, activity, option, people, status, created_at, delete_at, dedupe, contact, network, box) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      byDedupe: this.db.prepare(`SELECT ${columns} FROM signups WHERE dedupe = ?`),
      byId: this.db.prepare(`SELECT ${columns} FROM signups WHERE id = ?`),
      recordsOfOption: this.db.prepare(`SELECT ${columns} FROM signups WHERE activity = ? AND option = ? ORDER BY created_at, rowid`),
      ofActivity: this.db.prepare('SELECT option, people, status FROM signups WHERE activity = ?'),
      ofOption: this.db.prepare('SELECT option, people, status FROM signups WHERE activity = ? AND option = ?'),
      list: this.db.prepare(`SELECT ${columns} FROM signups ORDER BY created_at, rowid`),
      activities: this.db.prepare('SELECT DISTINCT activity FROM signups'),
      deleteActivity: this.db.prepare('DELETE FROM signups WHERE activity = ?'),
      deleteOption: this.db.prepare('DELETE FROM signups WHERE activity = ? AND option = ?'),
      deleteDue: this.db.prepare('DELETE FROM signups WHERE activity = ? AND delete_at <= ?'),
      deleteOne: this.db.prepare('DELETE FROM signups WHERE id = ?'),
      promote: this.db.prepare("UPDATE signups SET status = 'placed', promoted_at = ? WHERE id = ?"),
      fromNetwork: this.db.prepare('SELECT COUNT(*) AS n FROM signups WHERE network = ?'),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM signups'),
    };
  }

  async add(signup: NewSignup, rule: PlacementRule): Promise<AddResult> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = this.addInTransaction(signup, rule);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private addInTransaction(signup: NewSignup, rule: PlacementRule): AddResult {
    // The same submission again: the answer of the first time (store.ts, AddResult).
    const existing = this.statements.byDedupe.get(signup.dedupe);
    if (existing) return { outcome: 'duplicate', record: toRecord(existing) };
    if (Number(this.statements.count.get()?.['n'] ?? 0) >= rule.maxStored) return { outcome: 'store_full' };
    if (signup.network !== undefined && Number(this.statements.fromNetwork.get(signup.network)?.['n'] ?? 0) >= rule.perNetwork) {
      return { outcome: 'network_limit' };
    }
    const taken = takenByOption(this.statements.ofOption.all(signup.activityId, signup.option).map(toCount)).get(signup.option) ?? {
      placedPeople: 0,
      waitingPeople: 0,
    };
    const where = placement(rule.places, taken, signup.people, rule.waitlistCapacity);
    if (where === 'full') return { outcome: 'full' };
    if (where === 'waiting' && !rule.allowWaiting) return { outcome: 'needs_waitlist' };
    const record: SignupRecord = { ...signup, status: where };
    const r = record;
    this.statements.insert.run(
      r.id,
      r.activityId,
      r.option,
      r.people,
      r.status,
      r.createdAt,
      r.deleteAt,
      r.dedupe,
      r.contact ?? null,
      r.network ?? null,
      r.box,
    );
    return { outcome: 'added', record };
  }

  async bySubmission(dedupe: string): Promise<SignupRecord | null> {
    const row = this.statements.byDedupe.get(dedupe);
    return row ? toRecord(row) : null;
  }

  async taken(activityId: string) {
    return takenByOption(this.statements.ofActivity.all(activityId).map(toCount));
  }

  async list(): Promise<SignupRecord[]> {
    return this.statements.list.all().map(toRecord);
  }

  async activityIds(): Promise<string[]> {
    return this.statements.activities.all().map((row) => String(row['activity']));
  }

  async deleteActivity(activityId: string, option?: string): Promise<number> {
    const run = option === undefined ? this.statements.deleteActivity.run(activityId) : this.statements.deleteOption.run(activityId, option);
    return this.deleted(Number(run.changes));
  }

  async deleteDue(activityId: string, now: number): Promise<number> {
    return this.deleted(Number(this.statements.deleteDue.run(activityId, now).changes));
  }

  /**
   * After a delete: fold the WAL into the main file at once (secure_delete then overwrites the freed
   * pages), so a copy of the data folder does not hold deleted sign-ups until some later checkpoint.
   */
  private deleted(count: number): number {
    if (count > 0) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
    return count;
  }

  async cancel(id: string, now: number, placesOf: (record: SignupRecord) => number | null): Promise<CancelResult | null> {
    this.db.exec('BEGIN IMMEDIATE');
    let result: CancelResult | null;
    try {
      const row = this.statements.byId.get(id);
      result = row ? this.cancelInTransaction(toRecord(row), now, placesOf) : null;
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    if (result) this.deleted(1);
    return result;
  }

  private cancelInTransaction(cancelled: SignupRecord, now: number, placesOf: (record: SignupRecord) => number | null): CancelResult {
    this.statements.deleteOne.run(cancelled.id);
    const rest = this.statements.recordsOfOption.all(cancelled.activityId, cancelled.option).map(toRecord);
    const promoted = movingUp(placesOf(cancelled), rest).map((r) => ({ ...r, status: 'placed' as const, promotedAt: now }));
    for (const r of promoted) this.statements.promote.run(now, r.id);
    return { cancelled, promoted };
  }

  async count(): Promise<number> {
    return Number(this.statements.count.get()?.['n'] ?? 0);
  }

  async close(): Promise<void> {
    closeSqlite(this.db);
  }
}

type Row = Record<string, SQLOutputValue>;

const toCount = (row: Row): Pick<SignupRecord, 'option' | 'people' | 'status'> => ({
  option: String(row['option']),
  people: Number(row['people']),
  status: row['status'] === 'placed' ? 'placed' : 'waiting',
});

const toRecord = (row: Row): SignupRecord => ({
  ...toCount(row),
  id: String(row['id']),
  activityId: String(row['activityId']),
  createdAt: Number(row['createdAt']),
  deleteAt: Number(row['deleteAt']),
  dedupe: String(row['dedupe']),
  ...(typeof row['contact'] === 'string' ? { contact: row['contact'] } : {}),
  ...(typeof row['network'] === 'string' ? { network: row['network'] } : {}),
  box: String(row['box']),
  ...(row['promotedAt'] === null ? {} : { promotedAt: Number(row['promotedAt']) }),
});

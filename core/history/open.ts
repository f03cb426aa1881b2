import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

/** Why the history could not be opened, in words the user can act on. */
export class HistoryUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'locked' | 'unwritable' | 'newer-schema' | 'other',
  ) {
    super(message);
    this.name = 'HistoryUnavailableError';
  }
}

export interface OpenedHistory {
  db: Database.Database;
  /** Set when a corrupt file was moved aside and a new database started in its place. */
  recoveredFrom?: string;
}

function sqliteCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
}

const corruptCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
const lockedCodes = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

function openAndMigrate(path: string, busyTimeoutMs: number, maxSizeBytes?: number): Database.Database {
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A quick integrity probe: reading the schema fails on a file that is not a database.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    migrate(db);
    if (maxSizeBytes) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxSizeBytes / pageSize))}`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Moves a corrupt database and its WAL files aside, never deleting the user's data. */
function moveAside(path: string, now: number): string {
  const target = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (creating if needed) the history database at `path`, migrated to the newest schema.
 * A corrupt file is moved aside and a fresh database started; a locked or unwritable one
 * raises HistoryUnavailableError with what to do about it.
 */
export function openHistory(
  path: string,
  options: {
    busyTimeoutMs?: number;
    now?: number;
    /** A size the database may not grow past (writes then fail as on a full disk). */
    maxSizeBytes?: number;
  } = {},
): OpenedHistory {
  const busyTimeoutMs = options.busyTimeoutMs ?? 2000;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new HistoryUnavailableError(
      `Cannot create the history folder ${dirname(path)}: ${(error as Error).message}. ` +
        'Choose a writable data directory.',
      'unwritable',
    );
  }
  try {
    return { db: openAndMigrate(path, busyTimeoutMs, options.maxSizeBytes) };
  } catch (error) {
    const code = sqliteCode(error);
    if (code && corruptCodes.has(code)) {
      const movedTo = moveAside(path, options.now ?? Date.now());
      return { db: openAndMigrate(path, busyTimeoutMs, options.maxSizeBytes), recoveredFrom: movedTo };
    }
    if (code && lockedCodes.has(code)) {
      throw new HistoryUnavailableError(
        `The history database ${path} is locked by another process (is another Foresight running?). ` +
          'Live data is still shown; history resumes when the lock is released.',
        'locked',
      );
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw new HistoryUnavailableError(
        `Cannot write the history database ${path} (${code}). Check the file's permissions or free disk space.`,
        'unwritable',
      );
    }
    if (error instanceof Error && error.message.includes('newer than this Foresight')) {
      throw new HistoryUnavailableError(error.message, 'newer-schema');
    }
    throw new HistoryUnavailableError(`Cannot open the history database ${path}: ${String(error)}`, 'other');
  }
}

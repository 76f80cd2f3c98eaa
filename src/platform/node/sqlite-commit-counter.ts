import { closeSync, openSync, readSync } from "node:fs";
import type Database from "better-sqlite3";

/**
 * The first copy of the WAL-index header at the start of the -shm file
 * (https://www.sqlite.org/walformat.html#the_wal_index_header): 48 bytes
 * holding iChange, which every commit increments, and mxFrame.
 */
const WAL_INDEX_HEADER_BYTES = 48;

export interface CommitCounter {
  /** A number that moves whenever any connection may have committed since the last call. */
  read(): number;
  close(): void;
}

/**
 * Notices commits by other connections (the CLI on the same file) without
 * taking SQLite's locks: \`pragma data_version\` costs a read transaction, four
 * fcntl calls and about 8 µs, more than a remembered read saves. A commit in
 * WAL mode rewrites the WAL-index header in the -shm file before it returns,
 * so one 48-byte read shows it: when the bytes differ from the last read, the
 * counter moves (a torn read only moves it once too often). Databases that
 * have no -shm file (in memory) fall back to the pragma.
 */
export function commitCounter(sqlite: Database.Database, path: string): CommitCounter {
  const pragma = sqlite.prepare("pragma data_version").pluck();
  let fd: number | undefined;
  try {
    pragma.get(); // the connection has opened the WAL index, so the -shm file exists now
    fd = path === ":memory:" ? undefined : openSync(`${path}-shm`, "r");
  } catch {
    fd = undefined;
  }
  if (fd === undefined) return { read: () => pragma.get() as number, close() {} };
  const shm = fd;
  let last = Buffer.alloc(WAL_INDEX_HEADER_BYTES);
  let next = Buffer.alloc(WAL_INDEX_HEADER_BYTES);
  let count = 0;
  return {
    read() {
      readSync(shm, next, 0, WAL_INDEX_HEADER_BYTES, 0);
      if (!next.equals(last)) {
        count++;
        [last, next] = [next, last];
      }
      return count;
    },
    close: () => closeSync(shm),
  };
}

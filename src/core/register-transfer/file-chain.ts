import { entryHash, GENESIS } from "../kernel/audit/audit-chain.ts";
import { type Checkpoint, signatureHolds } from "../kernel/audit/checkpoints.ts";
import type { ChainSummary, RawRow } from "./export-format.ts";

/**
 * The audit chain of an export, checked in memory before anything is
 * written: the same rules as walkChain (core/audit/audit-chain.ts) over the
 * file's audit_entries rows, and the file's checkpoints against it.
 */
export interface FileChain extends ChainSummary {
  positions: { seq: number; hash: string }[];
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const parsed = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : null);

/** Walks the rows (already in seq order and of the right shape) from GENESIS. */
export function walkFileChain(rows: readonly RawRow[]): FileChain {
  let head = GENESIS;
  const positions: FileChain["positions"] = [];
  const pending: number[] = [];
  const result = (broken: FileChain["broken"]): FileChain => ({ entries: positions.length, head, pending, broken, positions });
  for (const row of rows) {
    const seq = row.seq as number;
    const hash = text(row.hash);
    const prevHash = text(row.prev_hash);
    if (hash === null && prevHash === null) {
      pending.push(seq);
      continue;
    }
    const outside = pending.at(-1);
    if (outside !== undefined)
      return result({
        seq: outside,
        problem: "it is not in the chain, yet chained entries follow it: it was inserted after they were written",
      });
    if (prevHash !== head) {
      return result({
        seq,
        problem: `it links to ${prevHash?.slice(0, 12)}…, but the entry before it in the chain hashes to ${head.slice(0, 12)}…: an entry before it was removed, inserted or reordered`,
      });
    }
    const expected = entryHash({
      seq,
      id: row.id as string,
      at: row.at as string,
      actorId: row.actor_id as string,
      actorName: row.actor_name as string,
      action: row.action as string,
      entityType: row.entity_type as string,
      entityId: row.entity_id as string,
      before: parsed(row.before),
      after: parsed(row.after),
      reason: text(row.reason),
      prevHash,
    });
    if (expected !== hash)
      return result({ seq, problem: "its content does not hash to the hash it stores: it was changed after it was written" });
    head = hash;
    positions.push({ seq, hash });
  }
  return result(null);
}

/**
 * What is wrong with the file's checkpoints: a signature that does not hold,
 * a key this service does not trust, or a chain that no longer extends one.
 */
export async function checkpointProblems(rows: readonly RawRow[], chain: FileChain, trusted: ReadonlySet<string>): Promise<string[]> {
  const problems: string[] = [];
  for (const row of rows) {
    const c: Checkpoint = {
      size: row.size as number,
      head: row.head as string,
      at: row.at as string,
      keyId: row.key_id as string,
      publicKey: row.public_key as string,
      signature: row.signature as string,
    };
    if (!(await signatureHolds(c))) {
      problems.push(`checkpoint ${c.size} (signed ${c.at}): its signature does not hold, so it was altered or forged`);
    } else if (!trusted.has(c.publicKey)) {
      problems.push(
        `checkpoint ${c.size} (signed ${c.at}) is signed with key ${c.keyId} (public key ${c.publicKey}), which this service does not trust: give it the same signing key (CHECKPOINT_KEY) or list that public key in CHECKPOINT_TRUSTED_KEYS, then import again`,
      );
    } else if (c.size > chain.positions.length) {
      problems.push(
        `checkpoint ${c.size} (signed ${c.at}) covers ${c.size} entries, but the file's chain has ${chain.positions.length}: entries were removed`,
      );
    } else if ((c.size === 0 ? GENESIS : chain.positions[c.size - 1]?.hash) !== c.head) {
      problems.push(`the file's chain no longer extends checkpoint ${c.size} (signed ${c.at}): an entry it covers was rewritten`);
    }
  }
  return problems;
}

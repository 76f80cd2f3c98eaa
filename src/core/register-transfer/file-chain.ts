import { type Checkpoint, checkpointStanding } from "../kernel/audit/checkpoints.ts";
import { chainWalk } from "../kernel/audit/chain-walk.ts";
import type { ChainSummary, RawRow } from "./export-format.ts";

/**
 * The audit chain of an export, checked in memory before anything is
 * written: the same walk as the database's (kernel/audit/chain-walk.ts) over the
 * file's audit_entries rows, and the file's checkpoints against it.
 */
export interface FileChain extends ChainSummary {
  positions: { seq: number; hash: string }[];
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const parsed = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : null);

/** Walks the rows (already in seq order and of the right shape) as the chain in the database is walked. */
export function walkFileChain(rows: readonly RawRow[]): FileChain {
  const walk = chainWalk();
  for (const row of rows) {
    const entry = {
      seq: row.seq as number,
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
      prevHash: text(row.prev_hash),
      hash: text(row.hash),
    };
    if (!walk.step(entry)) break;
  }
  const { unchained, ...report } = walk.report();
  return { ...report, pending: unchained };
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
    const standing = await checkpointStanding(c, chain.positions, trusted);
    if (standing === "forged") {
      problems.push(`checkpoint ${c.size} (signed ${c.at}): its signature does not hold, so it was altered or forged`);
    } else if (standing === "untrusted") {
      problems.push(
        `checkpoint ${c.size} (signed ${c.at}) is signed with key ${c.keyId} (public key ${c.publicKey}), which this service does not trust: give it the same signing key (CHECKPOINT_KEY) or list that public key in CHECKPOINT_TRUSTED_KEYS, then import again`,
      );
    } else if (standing === "beyond-chain") {
      problems.push(
        `checkpoint ${c.size} (signed ${c.at}) covers ${c.size} entries, but the file's chain has ${chain.positions.length}: entries were removed`,
      );
    } else if (standing === "not-extended") {
      problems.push(`the file's chain no longer extends checkpoint ${c.size} (signed ${c.at}): an entry it covers was rewritten`);
    }
  }
  return problems;
}

import { desc } from "drizzle-orm";
import { verificationRuns } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import type { Store } from "../kernel/ports/store.ts";
import { type ChainReport, walkChain } from "../kernel/audit/chain-walk.ts";
import { checkAuditedState } from "./audited-state.ts";
import { type Checkpoint, checkpointStanding, listCheckpoints } from "../kernel/audit/checkpoints.ts";
import type { VerificationProblem, VerificationReport, VerificationTrigger } from "./verification-report.ts";

export interface VerifyOptions {
  trigger: VerificationTrigger;
  /** Public keys (base64url) whose checkpoints count: the signing key's and earlier ones still trusted. */
  trustedKeys: readonly string[];
  /** Checkpoints kept outside the database (saved from the public endpoint, a document or the feed). */
  externalCheckpoints?: readonly Checkpoint[];
  /** Keep the run for the dashboard (off for checks of a file about to be restored). */
  record?: boolean;
}

/**
 * Verifies the whole register: the hash chain, every checkpoint (signature,
 * trusted key, and that the chain still extends it), and every entity row,
 * user and token against the state its audit trail gives.
 */
export async function verifyRegister(ctx: Pick<Ctx, "store" | "clock" | "newId">, options: VerifyOptions): Promise<VerificationReport> {
  const chain = await walkChain(ctx.store);
  const problems: VerificationProblem[] = [];
  if (chain.broken)
    problems.push({ check: "chain", seq: chain.broken.seq, subject: null, message: `entry ${chain.broken.seq}: ${chain.broken.problem}` });

  const stored = await allCheckpoints(ctx.store);
  const checkpoints = uniqueCheckpoints([...stored, ...(options.externalCheckpoints ?? [])]);
  const storedKeys = new Set(stored.map(identity));
  const checked = await checkCheckpoints(chain, checkpoints, new Set(options.trustedKeys));
  problems.push(...checked.problems);
  for (const external of options.externalCheckpoints ?? []) {
    if (!storedKeys.has(identity(external))) {
      problems.push({
        check: "checkpoint",
        seq: null,
        subject: `checkpoint ${external.size}`,
        message: `checkpoint ${external.size} (signed ${external.at}), kept elsewhere, is not in the database: checkpoints were deleted or the database was replaced`,
      });
    }
  }

  const state = await checkAuditedState(ctx.store.db);
  problems.push(...state.problems);

  const report: VerificationReport = {
    id: ctx.newId(),
    at: ctx.clock.now().toISOString(),
    trigger: options.trigger,
    ok: problems.length === 0,
    entries: chain.entries,
    head: chain.head,
    pending: chain.unchained,
    checkpoints: { checked: checkpoints.length, latest: checked.latest },
    recordsChecked: state.checked,
    problems,
  };
  if (options.record ?? true) {
    const { checkpoints: _c, pending: _p, recordsChecked: _r, ...row } = report;
    await ctx.store.atomic([ctx.store.db.insert(verificationRuns).values(row)]);
  }
  return report;
}

/** The newest recorded verification run, for the dashboard. */
export async function lastVerification(
  store: Store,
): Promise<Pick<VerificationReport, "id" | "at" | "trigger" | "ok" | "entries" | "head" | "problems"> | null> {
  const [row] = await store.db.select().from(verificationRuns).orderBy(desc(verificationRuns.at)).limit(1);
  return row ?? null;
}

async function checkCheckpoints(chain: ChainReport, checkpoints: Checkpoint[], trusted: ReadonlySet<string>) {
  const problems: VerificationProblem[] = [];
  const problem = (c: Checkpoint, seq: number | null, message: string) =>
    problems.push({ check: "checkpoint", seq, subject: `checkpoint ${c.size}`, message });
  let latest: Checkpoint | null = null;
  // The last position every earlier checkpoint vouches for: a rewrite lies after it.
  let vouched = 0;
  for (const c of [...checkpoints].sort((a, b) => a.size - b.size)) {
    const standing = await checkpointStanding(c, chain.positions, trusted);
    if (standing === "forged") {
      problem(c, null, `checkpoint ${c.size} (signed ${c.at}): its signature does not hold, so it was altered or forged`);
    } else if (standing === "untrusted") {
      problem(
        c,
        null,
        `checkpoint ${c.size} (signed ${c.at}) is signed with key ${c.keyId}, which is not a trusted checkpoint key: it was signed with another key`,
      );
    } else if (standing === "beyond-chain") {
      // Past a broken entry the chain cannot be compared; that entry is already reported.
      if (chain.broken) continue;
      const lastSeq = chain.positions.at(-1)?.seq ?? 0;
      problem(
        c,
        lastSeq + 1,
        `the chain has ${chain.positions.length} entries, but checkpoint ${c.size} (signed ${c.at}) covered ${c.size}: the entries after seq ${lastSeq} were removed`,
      );
    } else if (standing === "not-extended") {
      const firstSuspect = chain.positions[vouched]?.seq ?? null;
      const covered = c.size === 0 ? null : chain.positions[c.size - 1];
      problem(
        c,
        firstSuspect,
        `the chain no longer extends checkpoint ${c.size} (signed ${c.at}): an entry from seq ${firstSuspect} to seq ${covered?.seq} was rewritten, inserted or removed since, and the chain re-hashed`,
      );
    } else {
      vouched = c.size;
      latest = c;
    }
  }
  return { problems, latest };
}

async function allCheckpoints(store: Store): Promise<Checkpoint[]> {
  const all: Checkpoint[] = [];
  for (let before: number | undefined; ; ) {
    const page = await listCheckpoints(store.db, 1000, before);
    all.push(...page);
    if (page.length < 1000) return all;
    before = page.at(-1)?.size;
  }
}

const identity = (c: Checkpoint) => `${c.size}:${c.head}:${c.signature}`;

function uniqueCheckpoints(list: Checkpoint[]): Checkpoint[] {
  return [...new Map(list.map((c) => [identity(c), c])).values()];
}

import { type Actor, type Ctx, SYSTEM_ACTOR } from "../kernel/context.ts";
import { type Checkpoint, type CheckpointKeys, signCheckpoint } from "../kernel/audit/checkpoints.ts";
import type { VerificationReport } from "./verification-report.ts";
import { lastVerification, verifyRegister } from "./verify-register.ts";

/**
 * What the schedulers (Node's in-process one, the Worker's cron trigger) do
 * for the evidence: sign the chain when it has grown, and verify the whole
 * register when the last verification is older than `verifyEveryMs`.
 */
export async function runEvidenceTick(
  ctx: Ctx,
  keys: CheckpointKeys,
  options: { verifyEveryMs: number },
): Promise<{ checkpoint: Checkpoint | null; verification: VerificationReport | null }> {
  const checkpoint = keys.signer ? await signCheckpoint(ctx.store, keys.signer, ctx.clock) : null;
  const last = await lastVerification(ctx.store);
  const due = !last || ctx.clock.now().getTime() - Date.parse(last.at) >= options.verifyEveryMs;
  const verification = due ? await verifyRegister(ctx, { trigger: "daily", trustedKeys: keys.trusted }) : null;
  return { checkpoint, verification };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Who the schedulers' verification runs are recorded as. */
export const EVIDENCE_ACTOR: Actor = { ...SYSTEM_ACTOR, id: "system:evidence", name: "evidence scheduler" };

import type { Ctx } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { type Objection, ResolutionInput } from "../model/change-notice.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { findNotice, findObjection } from "../queries/change-rows.ts";
import { exclusionStatements, resolutionStatements, resolvedObjection } from "./exclude-agreement.ts";
import { guardNotice, requireOpen } from "./record-objection.ts";

/**
 * The DPO's decision on an objection. "withdrawn" and "overruled" (with its
 * reason) let the change go ahead for the agreement; "alternative_offered" and
 * "customer_terminated" take the agreement out of the change. An objection in
 * time to a change of the terms cannot be overruled: the notice told the
 * customer its terms stay.
 */
export async function resolveObjection(ctx: Ctx, objectionId: string, raw: unknown): Promise<Objection> {
  const input = parseInput(ResolutionInput, raw);
  const objection = await findObjection(ctx.store.db, objectionId);
  if (objection.resolution !== null) {
    throw new AppError("conflict", `Objection ${objection.id} was already resolved (${objection.resolution}) on ${objection.resolvedAt}.`);
  }
  const notice = await findNotice(ctx.store.db, objection.noticeId);
  requireOpen(notice);
  if (notice.subject === "terms_change" && input.resolution === "overruled" && objection.onTime) {
    // The customer was told that an objection in time keeps its terms: the register cannot force the new ones on it.
    throw invalid([
      {
        path: "resolution",
        message:
          "An objection received in time to a change of the terms cannot be overruled: the customer keeps its current terms and may terminate. Record withdrawn if the customer withdrew it, customer_terminated if it terminates, or alternative_offered if you agreed otherwise.",
      },
    ]);
  }
  const at = ctx.clock.now().toISOString();
  const reason = input.reason ?? null;
  let statements: Statement[];
  if (input.resolution === "alternative_offered" || input.resolution === "customer_terminated") {
    statements = (await exclusionStatements(ctx, notice, input.resolution, reason, at)).statements;
  } else {
    // The notice must still be open when the decision is written (not closed meanwhile by the change taking effect).
    statements = [guardNotice(ctx, notice), ...resolutionStatements(ctx, objection, input.resolution, reason, at)];
  }
  await ctx.store.atomic([...statements, clearGuards(ctx.store.db)]);
  return resolvedObjection(ctx, objection, input.resolution, reason, at);
}

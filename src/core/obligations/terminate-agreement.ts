import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, checkPrecondition, invalid } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { clearGuards } from "../kernel/write-guard.ts";
import { type Agreement, agreementKind, getEntity, guardRevision } from "../register/index.ts";
import { type Obligation, TerminationInput } from "./model.ts";
import { toObligation } from "./obligation-rows.ts";
import { startDutyStatements } from "./obligation-writes.ts";
import { terminationDuties } from "./termination-duties.ts";

/**
 * Ends an agreement on a day (given in advance or after the fact) and starts the duties its clocks
 * promise from that day: deactivating the accounts, the export window, deleting or returning the
 * data. The agreement's new state, its audit entry (with the reason), each duty and its audit entry
 * are one atomic unit: an agreement is never terminated without its duties, nor the reverse.
 */
export async function terminateAgreement(
  ctx: Ctx,
  idOrReference: string,
  raw: unknown,
  options: { ifMatch?: number[] } = {},
): Promise<{ agreement: Agreement; obligations: Obligation[] }> {
  const input = parseInput(TerminationInput, raw);
  const agreement = await getEntity(ctx, agreementKind, idOrReference);
  checkPrecondition("This agreement", agreement.revision, options.ifMatch);
  refuseUnlessInForce(agreement);
  if (agreement.signedOn && input.endedOn < agreement.signedOn) {
    throw invalid([{ path: "endedOn", message: `The agreement cannot end before it was signed (${agreement.signedOn}).` }]);
  }
  const at = ctx.clock.now().toISOString();
  const terminated: Agreement = {
    ...agreement,
    status: "terminated",
    endedOn: input.endedOn,
    revision: agreement.revision + 1,
    updatedAt: at,
  };
  const duties = terminationDuties(ctx, agreement, input.endedOn, input.owner ?? null, at);
  const db = ctx.store.db;
  await ctx.store.atomic([
    guardRevision(db, agreementKind, agreement),
    ...agreementKind.write(ctx.store, terminated, false),
    auditStatement(
      ctx,
      {
        action: "terminate",
        entityType: agreementKind.type,
        entityId: agreement.id,
        before: agreement,
        after: terminated,
        reason: input.reason,
      },
      at,
    ),
    ...startDutyStatements(ctx, duties, at),
    clearGuards(db),
  ]);
  const now = ctx.clock.now();
  return { agreement: terminated, obligations: duties.map((duty) => toObligation(duty, now)) };
}

function refuseUnlessInForce(agreement: Agreement): void {
  if (agreement.archivedAt) throw new AppError("conflict", `Agreement ${agreement.reference} is archived and can no longer change.`);
  if (agreement.status === "terminated") {
    throw new AppError("conflict", `Agreement ${agreement.reference} was already terminated (it ended on ${agreement.endedOn}).`);
  }
  if (agreement.status === "draft") {
    throw new AppError(
      "conflict",
      `Agreement ${agreement.reference} is a draft: it never came into force, so nothing follows its end. Archive it instead.`,
    );
  }
}

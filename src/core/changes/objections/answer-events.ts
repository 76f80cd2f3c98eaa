import type { Ctx } from "../../kernel/context.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { changeEvent } from "../change-events.ts";
import { evaluateChange } from "../lifecycle/change-state.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import { findChangeRow, noticesOf, objectionsOf, toChange } from "../queries/change-rows.ts";

/**
 * The events a customer's answer on one notice causes: `change.objection_received` for an
 * objection, and `change.blocked` when the answer turns the change from free to blocked (an
 * objection in time, a refused authorisation); a change already blocked is not announced twice.
 */
export async function answerEvents(
  ctx: Ctx,
  answer: { notice: ChangeNotice; objection?: Objection; decided?: ChangeNotice },
  at: string,
): Promise<Statement[]> {
  // The events are about sub-processor changes; a change of the terms has none (yet).
  if (answer.notice.subject !== "sub_processor_change") return [];
  const db = ctx.store.db;
  const change = toChange(await findChangeRow(db, answer.notice.changeId));
  const [notices, objections] = await Promise.all([noticesOf(db, [change.id]), objectionsOf(db, [change.id])]);
  const now = ctx.clock.now();
  const before = evaluateChange(change, notices, objections, now).verdict;
  const { objection, decided } = answer;
  const after = evaluateChange(
    change,
    decided ? notices.map((n) => (n.id === decided.id ? decided : n)) : notices,
    objection ? [...objections, objection] : objections,
    now,
  ).verdict;
  const statements: Statement[] = [];
  if (objection)
    statements.push(
      ...(await changeEvent(ctx, "change.objection_received", change, at, {
        objection: { id: objection.id, agreementId: objection.agreementId, receivedAt: objection.receivedAt, onTime: objection.onTime },
      })),
    );
  if (before !== "blocked" && after === "blocked")
    statements.push(...(await changeEvent(ctx, "change.blocked", change, at, { byNotice: answer.notice.id })));
  return statements;
}

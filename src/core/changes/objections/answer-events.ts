import type { Ctx } from "../../kernel/context.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { changeEvent } from "../change-events.ts";
import { termsEvent } from "../terms/terms-events.ts";
import { findTermsChange } from "../terms/terms-rows.ts";
import { evaluateChange } from "../lifecycle/change-state.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import { findChangeRow, noticesOf, objectionsOf, toChange } from "../queries/change-rows.ts";

/**
 * The events a customer's answer on one notice causes: `change.objection_received` for an
 * objection, and `change.blocked` when the answer turns the change from free to blocked (an
 * objection in time, a refused authorisation); a change already blocked is not announced twice.
 * An objection to a change of the terms is `terms.objection_received`.
 */
export async function answerEvents(
  ctx: Ctx,
  answer: { notice: ChangeNotice; objection?: Objection; decided?: ChangeNotice },
  at: string,
): Promise<Statement[]> {
  const db = ctx.store.db;
  if (answer.notice.subject === "terms_change") {
    // Terms changes are not blocked by an objection: it keeps the old terms for that agreement only.
    if (!answer.objection) return [];
    const terms = await findTermsChange(db, answer.notice.changeId);
    return termsEvent(ctx, "terms.objection_received", terms, at, { objection: objectionFacts(answer.objection) });
  }
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
        objection: objectionFacts(objection),
      })),
    );
  if (before !== "blocked" && after === "blocked")
    statements.push(...(await changeEvent(ctx, "change.blocked", change, at, { byNotice: answer.notice.id })));
  return statements;
}

const objectionFacts = (o: Objection) => ({ id: o.id, agreementId: o.agreementId, receivedAt: o.receivedAt, onTime: o.onTime });

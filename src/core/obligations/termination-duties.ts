import { deadlineFromDate, type PlainDate } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import type { ClockName, ObligationKind } from "../kernel/values/values.ts";
import type { Agreement } from "../register/index.ts";
import { type ObligationRow, openDuty } from "./obligation-rows.ts";

/** What the end of an agreement starts, each duty run by the agreement's clock of the same purpose. */
type TerminationClock = Extract<ClockName, "accountDeactivation" | "exportWindow" | "deletionOrReturn">;

export const TERMINATION_DUTIES: readonly { kind: ObligationKind; clock: TerminationClock }[] = [
  { kind: "account_deactivation", clock: "accountDeactivation" },
  { kind: "data_export", clock: "exportWindow" },
  { kind: "deletion_or_return", clock: "deletionOrReturn" },
];

/**
 * The duties the end of `agreement` on `endedOn` starts: one per post-termination clock the
 * agreement has, its last day counted from the day after the end by the agreement's counting rules
 * (its country's public holidays, its time zone). An agreement without such a clock promised no
 * such duty, and gets none.
 */
export function terminationDuties(ctx: Ctx, agreement: Agreement, endedOn: PlainDate, owner: string | null, at: string): ObligationRow[] {
  const rule = { governingCountry: agreement.governingCountry, timeZone: agreement.timeZone };
  return TERMINATION_DUTIES.flatMap(({ kind, clock }): ObligationRow[] => {
    const period = agreement.clocks[clock];
    if (!period) return [];
    const deadline = deadlineFromDate(endedOn, period, rule);
    return [openDuty(ctx, { agreement, kind, trigger: "termination", sourceId: null, clock, period, deadline, owner }, at)];
  });
}

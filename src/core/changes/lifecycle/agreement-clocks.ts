import { z } from "zod";
import { type Deadline, deadlineFrom } from "../../kernel/clocks/deadline.ts";
import type { Ctx } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { type AnyPeriod, CLOCK_NAMES, type ClockName } from "../../kernel/values/values.ts";
import { agreementKind, getEntity } from "../../register/index.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";

export const ClockQuery = z.strictObject({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("The instant the clocks start from (a notice, the end of the contract); default now."),
  clock: z.enum(CLOCK_NAMES).optional().describe("Only this clock."),
});

export interface ClockDeadline extends Deadline {
  clock: ClockName;
  period: AnyPeriod;
  governingCountry: string;
  timeZone: string;
}

/**
 * Every contract clock of an agreement run from one instant, by the same
 * counting rules as objection windows: "if we give notice of an audit today,
 * from when may we audit?", "if the contract ends on 31 March, until when must
 * the data be deleted or returned?".
 */
export async function agreementClocks(
  ctx: Ctx,
  idOrReference: string,
  raw: Record<string, string>,
): Promise<{ from: string; deadlines: ClockDeadline[] }> {
  const query = parseInput(ClockQuery, raw);
  const agreement = await getEntity(ctx, agreementKind, idOrReference);
  const from = query.from ? new Date(query.from).toISOString() : ctx.clock.now().toISOString();
  const names = query.clock ? [query.clock] : CLOCK_NAMES;
  const rule = { governingCountry: agreement.governingCountry, timeZone: agreement.timeZone };
  const deadlines = names.flatMap((clock): ClockDeadline[] => {
    const period = agreement.clocks[clock];
    return period ? [{ clock, period, ...rule, ...deadlineFrom(from, period, rule) }] : [];
  });
  if (query.clock && deadlines.length === 0) {
    throw invalid([{ path: "clock", message: `Agreement ${agreement.reference} has no ${query.clock} clock.` }]);
  }
  return { from, deadlines };
}

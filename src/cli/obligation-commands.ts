import { type Command, Option } from "commander";
import { completeObligation, namedDuties, OBLIGATION_STATUSES, terminateAgreement, waiveObligation } from "../core/obligations/index.ts";
import type { WithCtx } from "./operator.ts";

/** `agreement terminate` and `obligation list | done | waive`: the end of an agreement and the duties it starts. */
export function registerObligationCommands(program: Command, withCtx: WithCtx): void {
  program
    .command("agreement")
    .description("Data processing agreements.")
    .command("terminate")
    .description("End an agreement on a day; the duties its clocks promise (deactivation, export window, deletion or return) start.")
    .argument("<agreement>", "the agreement's id or reference, e.g. CF-DPA-2024-001")
    .requiredOption("--ended-on <date>", "the last day of the agreement, YYYY-MM-DD")
    .option("--reason <text>", "why it ends (kept in the audit trail)")
    .option("--owner <name>", "who is responsible for the duties")
    .action(async (agreement: string, opts: { endedOn: string; reason?: string; owner?: string }) => {
      const { agreement: ended, obligations } = await withCtx((ctx) =>
        terminateAgreement(ctx, agreement, { endedOn: opts.endedOn, reason: opts.reason, owner: opts.owner }),
      );
      console.log(`Agreement ${ended.reference} ends on ${ended.endedOn}.`);
      for (const duty of obligations) console.log([duty.id, duty.kind, `last day ${duty.lastDay}`, `(${duty.timeZone})`].join("\t"));
    });

  const obligation = program.command("obligation").description("Duties started by the end of an agreement.");
  obligation
    .command("list")
    .description("List obligations, soonest deadline first.")
    .addOption(new Option("--status <status>", "only those with this status").choices(OBLIGATION_STATUSES))
    .action(async (opts: { status?: (typeof OBLIGATION_STATUSES)[number] }) => {
      const duties = await withCtx((ctx) => namedDuties(ctx, opts.status));
      for (const d of duties) {
        console.log([d.id, d.status, d.kind, d.agreementReference, d.customerName, `last day ${d.lastDay}`, d.owner ?? "-"].join("\t"));
      }
    });
  obligation
    .command("done")
    .description("Record an obligation done, with its evidence.")
    .argument("<id>")
    .requiredOption("--evidence <reference>", "a certificate of deletion, a ticket, a letter")
    .option("--date <date>", "the day it was done, YYYY-MM-DD (default: today)")
    .option("--note <text>")
    .action(async (id: string, opts: { evidence: string; date?: string; note?: string }) => {
      const done = await withCtx((ctx) =>
        completeObligation(ctx, id, { evidence: { reference: opts.evidence, date: opts.date, note: opts.note } }),
      );
      console.log(`Obligation ${done.id} done ${done.onTime ? "on time" : "after its deadline"} (evidence ${done.evidence?.reference}).`);
    });
  obligation
    .command("waive")
    .description("Record that an obligation does not apply, and why.")
    .argument("<id>")
    .requiredOption("--reason <text>")
    .action(async (id: string, opts: { reason: string }) => {
      const waived = await withCtx((ctx) => waiveObligation(ctx, id, { reason: opts.reason }));
      console.log(`Obligation ${waived.id} waived.`);
    });
}

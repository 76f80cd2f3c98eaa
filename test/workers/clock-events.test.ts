import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements, outbox, subProcessors } from "../../db/schema.ts";
import { recordBreach } from "../../src/core/breaches/index.ts";
import { runLifecycle } from "../../src/core/changes/lifecycle/run-lifecycle.ts";
import { requestAudit } from "../../src/core/customer-audits/index.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { listObligations, terminateAgreement } from "../../src/core/obligations/index.ts";
import { activityKind } from "../../src/core/register/activities.ts";
import { updateEntity } from "../../src/core/register/use-cases/update-entity.ts";
import { settableClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { freshD1Store } from "./d1-store.ts";

// The clocks that run from events, on D1: its SQL (json_extract, guarded units, inserts in batches) as well as SQLite's.
describe("termination, audits, breaches and reviews on D1", () => {
  it("starts each duty, notifies the customers of a breach, and reminds the DPO, as on Node", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const clock = settableClock("2026-11-20T09:00:00.000Z");
    const ctx = makeCtx(store, SYSTEM_ACTOR, clock);

    const ended = await terminateAgreement(ctx, "CF-DPA-2024-001", { endedOn: "2026-11-20" });
    expect(ended.obligations.map((o) => [o.kind, o.lastDay])).toEqual([["deletion_or_return", "2027-02-22"]]);
    const audit = await requestAudit(ctx, "CF-DPA-2024-002", { proposedStart: "2026-12-01", scope: "Hosting controls" });
    expect([audit.earliestStart, audit.shortNotice]).toEqual(["2026-12-08", true]);

    const [ixor] = await store.db.select({ id: subProcessors.id }).from(subProcessors).where(eq(subProcessors.legalName, "IxorDocs"));
    const { breach, obligationIds } = await recordBreach(ctx, {
      summary: "A bucket was readable.",
      discoveredAt: "2026-11-20T08:00:00Z",
      subProcessorIds: [ixor?.id],
      likelyConsequences: "IBANs may have been read.",
      measuresTaken: "Closed.",
    });
    // CF-DPA-2024-001 ended, but its data is not deleted or returned yet: its customer is told too.
    const inForce = await store.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.status, "active"));
    const holding = [...inForce.map((a) => a.id), ended.agreement.id];
    expect(breach.affectedAgreementIds.every((id) => holding.includes(id))).toBe(true);
    expect(breach.affectedAgreementIds).toContain(ended.agreement.id);
    expect(obligationIds).toHaveLength(breach.affectedAgreementIds.length);
    const notices = await store.db.select().from(outbox).where(eq(outbox.kind, "breach_notice"));
    expect(notices).toHaveLength(breach.affectedAgreementIds.length);
    const duties = await listObligations(ctx, { kind: "breach_notification" });
    expect(new Set(duties.items.map((d) => d.status))).toEqual(new Set(["done"]));

    const activityId = ended.agreement.activityIds[0] as string;
    await updateEntity(ctx, activityKind, activityId, { nextReviewOn: "2026-11-30", dpia: { kind: "required" } });
    const tick = await runLifecycle(ctx);
    expect(tick.reviews.reminded).toEqual([activityId]);
    expect((await runLifecycle(ctx)).reviews.reminded).toEqual([]);
  });
});

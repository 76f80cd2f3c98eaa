import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements, changeNotices, outbox } from "../../db/schema.ts";
import { runLifecycle } from "../../src/core/changes/lifecycle/run-lifecycle.ts";
import { recordObjection } from "../../src/core/changes/objections/record-objection.ts";
import { proposeTermsChange } from "../../src/core/changes/terms/propose-terms-change.ts";
import { termsChangeDetail } from "../../src/core/changes/terms/terms-queries.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { agreementKind } from "../../src/core/register/agreements.ts";
import { customerKind } from "../../src/core/register/customers.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { settableClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { freshD1Store } from "./d1-store.ts";

const AGREEMENTS = 120;

describe("terms changes on D1", () => {
  it("names, announces to and applies to more agreements than D1 binds parameters in one query", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const clock = settableClock("2026-11-20T09:00:00.000Z");
    const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
    const customer = await createEntity(ctx, customerKind, fixtures.customer());
    const references: string[] = [];
    for (let i = 0; i < AGREEMENTS; i++) {
      const reference = `EFF-${String(i).padStart(3, "0")}`;
      references.push(reference);
      await createEntity(ctx, agreementKind, {
        customerId: customer.id,
        reference,
        version: "2024.1",
        language: "nl",
        authorisation: "general",
        clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" }, termsChangeObjection: { length: 14, unit: "calendar_days" } },
        status: "active",
        activityIds: [],
      });
    }
    // Named by reference, every one of them: the lookup, the windows and the notices go past 100 values.
    const change = await proposeTermsChange(ctx, {
      version: "2027.1",
      summary: { nl: "Facturen zijn betaalbaar binnen 30 dagen." },
      effectiveOn: "2026-12-07",
      agreementIds: references,
      announce: true,
    });
    expect(change).toMatchObject({ status: "announced", earliestEffective: "2026-12-05" });
    const notices = await store.db.select().from(changeNotices).where(eq(changeNotices.changeId, change.id));
    expect(notices).toHaveLength(AGREEMENTS);
    expect((await store.db.select().from(outbox)).filter((m) => m.kind === "terms_notice")).toHaveLength(AGREEMENTS);

    const first = notices.find((n) => n.agreementId === notices[0]?.agreementId);
    clock.set("2026-12-01T12:00:00.000Z");
    await recordObjection(ctx, first?.id as string, { grounds: "Nee.", receivedAt: "2026-12-01T10:00:00Z", channel: "letter" });
    clock.set("2026-12-07T08:00:00.000Z");
    expect((await runLifecycle(ctx)).effective).toEqual([change.id]);

    const detail = await termsChangeDetail(ctx, change.id);
    expect(detail.notices).toHaveLength(AGREEMENTS);
    expect(detail.notices.filter((l) => l.notice.outcome === "applies")).toHaveLength(AGREEMENTS - 1);
    expect(detail.notices.filter((l) => l.mayTerminate).map((l) => l.notice.id)).toEqual([first?.id]);
    const versions = await store.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.customerId, customer.id));
    expect(versions.filter((v) => v.version === "2027.1")).toHaveLength(AGREEMENTS - 1);
  });
});

import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements, changeNotices, outbox } from "../../db/schema.ts";
import { announceChange } from "../../src/core/changes/announcement/announce-change.ts";
import { proposeChange } from "../../src/core/changes/proposal/propose-change.ts";
import { runLifecycle } from "../../src/core/changes/lifecycle/run-lifecycle.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { agreementKind } from "../../src/core/register/agreements.ts";
import { customerKind } from "../../src/core/register/customers.ts";
import worker from "../../src/entry/worker.ts";
import { settableClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { freshD1Store } from "./d1-store.ts";

describe("sub-processor changes on D1", () => {
  it("announces to many agreements in one batch within D1's parameter limit, and takes effect", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    const clock = settableClock("2026-11-20T09:00:00.000Z");
    const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
    const [template] = await store.db.select().from(agreements).where(eq(agreements.reference, "CF-DPA-2024-001"));
    const activityId = (await agreementKind.load(store.db, [template?.id as string]))[0]?.activityIds[0] as string;
    // 40 more agreements: notices, audit entries and e-mails then need several multi-row statements each.
    for (let i = 0; i < 40; i++) {
      const customer = await createEntity(ctx, customerKind, { ...fixtures.customer(), legalName: `Kantoor ${i}` });
      await createEntity(ctx, agreementKind, {
        customerId: customer.id,
        reference: `BULK-${i}`,
        version: "1",
        language: "nl",
        authorisation: "general",
        clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" } },
        status: "active",
        activityIds: [activityId],
      });
    }
    const proposed = await proposeChange(
      ctx,
      {
        kind: "add",
        vendor: {
          legalName: "Klippa OCR GmbH",
          address: fixtures.address,
          contact: { email: "privacy@klippa.example" },
          service: { en: "OCR" },
          locations: [{ country: "DE" }],
        },
        activityIds: [activityId],
        reason: { en: "Better OCR" },
        intendedStart: "2026-12-08",
      },
      null,
    );
    const announced = await announceChange(ctx, proposed.change.id, {});
    expect(announced.earliestStart).toBe("2026-12-08");
    const notices = await store.db.select().from(changeNotices);
    expect(notices).toHaveLength(43);
    expect(new Set(notices.map((n) => n.lastDay))).toEqual(new Set(["2026-12-07"]));
    expect(await store.db.select().from(outbox)).toHaveLength(43);
    // Grant the one prior-specific agreement, then let the windows pass.
    const request = notices.find((n) => n.kind === "authorisation_request");
    const { decideAuthorisation } = await import("../../src/core/changes/objections/decide-authorisation.ts");
    await decideAuthorisation(ctx, request?.id as string, { decision: "granted" });
    clock.set("2026-12-08T08:00:00.000Z");
    expect((await runLifecycle(ctx)).effective).toEqual([proposed.change.id]);
    const closed = await store.db.select().from(changeNotices).where(eq(changeNotices.status, "closed"));
    expect(closed).toHaveLength(43);
  });

  it("runs the lifecycle from the Worker's cron trigger", async () => {
    const store = await freshD1Store();
    await loadDemoRegister(store);
    // A one-day window announced now: the DPO reminder is due at once.
    await store.db.update(agreements).set({ clocks: { subProcessorNotice: { length: 1, unit: "calendar_days" } } });
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const [agreement] = await store.db.select().from(agreements).where(eq(agreements.reference, "CF-DPA-2024-001"));
    const activityId = (await agreementKind.load(store.db, [agreement?.id as string]))[0]?.activityIds[0] as string;
    await proposeChange(
      ctx,
      {
        kind: "add",
        vendor: {
          legalName: "Klippa OCR GmbH",
          address: fixtures.address,
          contact: { email: "privacy@klippa.example" },
          service: { en: "OCR" },
          locations: [{ country: "DE" }],
        },
        activityIds: [activityId],
        reason: { en: "Better OCR" },
        intendedStart: "2099-01-01",
        announce: true,
      },
      null,
    );
    const execution = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env as never, execution);
    await waitOnExecutionContext(execution);
    const reminders = (await store.db.select().from(outbox)).filter((m) => m.kind === "dpo_reminder");
    expect(reminders).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { findChangeRow, noticesOf as loadNotices, objectionsOf, toChange } from "../../src/core/changes/queries/change-rows.ts";
import { takeEffect } from "../../src/core/changes/lifecycle/take-effect.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";

describe("a change taking effect while the DPO or a customer acts", () => {
  it("refuses to apply a decision made on a state that changed since it was read", async () => {
    const w = await changeWorld();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const notices = await noticesOf(w.t, change.id);
    const request = notices.find((n) => n.kind === "authorisation_request") as { id: string };
    await w.t.request("POST", `/api/v1/change-notices/${request.id}/authorisation`, { body: { decision: "granted" } });
    w.clock.set("2026-12-07T22:00:00.000Z");
    const ctx = makeCtx(w.store, SYSTEM_ACTOR, w.clock);
    // The scheduler reads the change and its notices...
    const read = toChange(await findChangeRow(w.store.db, change.id));
    const readNotices = await loadNotices(w.store.db, [change.id]);
    const readObjections = await objectionsOf(w.store.db, [change.id]);
    // ...an objection arrives in the last hour...
    const window = notices.find((n) => n.kind === "objection_window") as { id: string };
    expect((await w.t.request("POST", `/api/v1/change-notices/${window.id}/objections`, { body: { grounds: "No." } })).status).toBe(201);
    // ...and the scheduler's write, based on the stale read, must not go through.
    w.clock.set("2026-12-08T06:00:00.000Z");
    const before = await snapshot(w.store);
    await expect(takeEffect(ctx, read, readNotices, readObjections.length)).rejects.toMatchObject({ code: "conflict" });
    expect(await snapshot(w.store)).toEqual(before);
  });
});

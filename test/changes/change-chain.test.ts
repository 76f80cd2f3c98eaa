import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { changeWorld, noticesOf, propose, runLifecycle } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";

// The chain of sub-processors is part of what customers were told: who
// engages whom changes through a change of kind change_chain, announced with
// its objection windows like any other, never by a direct edit.

const CLOSES_AT = "2026-12-07T23:00:00.000Z";
const chainProposal = (w: { ixordocs: string }, parentId: string | null, overrides: Record<string, unknown> = {}) => ({
  kind: "change_chain",
  subProcessorId: w.ixordocs,
  parentId,
  reason: { en: "IxorDocs now works under AWS's contract.", nl: "IxorDocs werkt voortaan onder het contract van AWS." },
  intendedStart: "2026-12-08",
  announce: true,
  ...overrides,
});

interface Problem {
  errors?: { field: string; message: string }[];
}

describe("a change of the sub-processor engaging another", () => {
  it("is announced to every customer concerned and applies once the windows close", async () => {
    const w = await changeWorld();
    const response = await w.t.request("POST", "/api/v1/sub-processor-changes", { token: "procurement", body: chainProposal(w, w.aws) });
    expect(response.status, await response.clone().text()).toBe(201);
    const change = await bodyOf<{ id: string; kind: string; parentId: string; status: string }>(response);
    expect(change).toMatchObject({ kind: "change_chain", parentId: w.aws, status: "announced" });
    const notices = await noticesOf(w.t, change.id);
    expect(notices).toHaveLength(3);
    const mails = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_notice");
    expect(mails.map((m) => m.body).join("\n")).toContain(
      "IxorDocs (Biedt OCR-functionaliteit) wordt voortaan ingeschakeld via Amazon Web Services EMEA SARL.",
    );
    // Until then nothing changes for the customers.
    expect((await bodyOf<{ parentId: string | null }>(await w.t.request("GET", "/api/v1/sub-processors/IXORDOCS"))).parentId).toBeNull();

    const janssens = notices.find((n) => n.kind === "authorisation_request");
    expect(
      (
        await w.t.request("POST", `/api/v1/change-notices/${janssens?.id}/authorisation`, {
          token: "editor",
          body: { decision: "granted" },
        })
      ).status,
    ).toBe(200);
    w.clock.set(CLOSES_AT);
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    expect((await bodyOf<{ parentId: string | null }>(await w.t.request("GET", "/api/v1/sub-processors/IXORDOCS"))).parentId).toBe(w.aws);
  });

  it("refuses a parent that is the vendor itself, one in its own chain, the present one, or none given, changing nothing", async () => {
    const w = await changeWorld();
    const before = await snapshot(w.store);
    const refused = async (body: Record<string, unknown>, field: string, message: RegExp) => {
      const response = await w.t.request("POST", "/api/v1/sub-processor-changes", { token: "procurement", body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await bodyOf<Problem>(response)).errors?.find((e) => e.field === field)?.message).toMatch(message);
    };
    await refused(chainProposal(w, w.ixordocs), "parentId", /its own chain/);
    await refused(chainProposal(w, null), "parentId", /already engaged directly/);
    const { parentId: _none, ...withoutParent } = chainProposal(w, w.aws);
    await refused(withoutParent, "parentId", /Name the sub-processor that will engage it/);
    await refused({ ...chainProposal(w, w.aws), kind: "remove" }, "parentId", /Not used for a change of kind remove/);
    expect(await snapshot(w.store)).toEqual(before);

    // AWS under IxorDocs, once in effect, rules out IxorDocs under AWS.
    const corrected = await w.t.request("POST", "/api/v1/sub-processors/AWS/corrections", {
      body: { reason: "Recorded wrongly: AWS hosts IxorDocs' OCR.", changes: { parentId: w.ixordocs } },
    });
    expect(corrected.status).toBe(200);
    await refused(chainProposal(w, w.aws), "parentId", /its own chain/);
  });

  it("is what a direct edit of the chain is pointed to", async () => {
    const w = await changeWorld();
    const response = await w.t.request("PATCH", "/api/v1/sub-processors/IXORDOCS", { token: "procurement", body: { parentId: w.aws } });
    expect(response.status).toBe(422);
    expect((await bodyOf<Problem>(response)).errors?.[0]?.message).toContain(
      "propose a change of kind change_chain (POST /api/v1/sub-processor-changes)",
    );
    const proposal = await propose(w.t, { ...chainProposal(w, w.aws), announce: false });
    expect(proposal.status).toBe("proposed");
  });
});

import { describe, expect, it } from "vitest";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, type RequestOptions } from "../helpers/test-app.ts";
import { type ChangeWorld, changeWorld, noticesOf, OCR_VENDOR, ocrProposal, propose, runLifecycle } from "../helpers/changes.ts";

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** Sends a request that must be refused with `status`, and proves it changed no row of any table. */
async function refused(w: ChangeWorld, method: string, path: string, status: number, options: RequestOptions = {}): Promise<Problem> {
  const before = await snapshot(w.store);
  const response = await w.t.request(method, path, options);
  const problem = await bodyOf<Problem>(response);
  expect(response.status, JSON.stringify(problem)).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(await snapshot(w.store)).toEqual(before);
  return problem;
}

const fields = (p: Problem) => (p.errors ?? []).map((e) => e.field);
const CHANGES = "/api/v1/sub-processor-changes";

describe("bad input to the change workflow gets a clear 4xx and changes nothing", () => {
  it("refuses a start date before the earliest allowed start, saying which date is allowed and why", async () => {
    const w = await changeWorld();
    const problem = await refused(w, "POST", CHANGES, 422, {
      token: "procurement",
      body: ocrProposal(w.maintenance, { intendedStart: "2026-12-07" }),
    });
    expect(fields(problem)).toEqual(["intendedStart"]);
    expect(problem.errors?.[0]?.message).toContain("2026-12-08 at the earliest");
    expect(problem.errors?.[0]?.message).toContain("until the end of 2026-12-07");
    // The same through announcing a stored proposal.
    const proposal = await propose(w.t, ocrProposal(w.maintenance, { announce: false, intendedStart: "2026-12-01" }));
    await refused(w, "POST", `${CHANGES}/${proposal.id}/announce`, 422, { token: "procurement", body: {} });
    const ok = await w.t.request("POST", `${CHANGES}/${proposal.id}/announce`, {
      token: "procurement",
      body: { intendedStart: "2026-12-08" },
    });
    expect(ok.status).toBe(200);
  });

  it("refuses impossible and past dates", async () => {
    const w = await changeWorld();
    for (const intendedStart of ["2026-02-30", "2027-13-01", "8/12/2026", "2026-11-19"]) {
      const problem = await refused(w, "POST", CHANGES, 422, {
        token: "procurement",
        body: ocrProposal(w.maintenance, { intendedStart, announce: false }),
      });
      expect(fields(problem)).toEqual(["intendedStart"]);
    }
  });

  it("names unknown activities, sub-processors and the fields a kind of change needs", async () => {
    const w = await changeWorld();
    const unknown = "01900000-0000-7000-8000-000000000000";
    expect(fields(await refused(w, "POST", CHANGES, 422, { token: "procurement", body: ocrProposal(unknown) }))).toEqual(["activityIds.0"]);
    expect(
      fields(
        await refused(w, "POST", CHANGES, 422, {
          token: "procurement",
          body: { ...ocrProposal(w.maintenance), kind: "remove", vendor: undefined, subProcessorId: unknown },
        }),
      ),
    ).toEqual(["subProcessorId"]);
    expect(
      fields(await refused(w, "POST", CHANGES, 422, { token: "procurement", body: { ...ocrProposal(w.maintenance), kind: "replace" } })),
    ).toEqual(["replacesId"]);
    expect(
      fields(
        await refused(w, "POST", CHANGES, 422, { token: "procurement", body: { ...ocrProposal(w.maintenance), subProcessorId: w.aws } }),
      ),
    ).toEqual(["vendor"]);
    const usVendor = { ...OCR_VENDOR, locations: [{ country: "US" }] };
    expect(
      fields(await refused(w, "POST", CHANGES, 422, { token: "procurement", body: ocrProposal(w.maintenance, { vendor: usVendor }) })),
    ).toEqual(["vendor.transferMechanism"]);
    // IxorDocs already serves maintenance; it does not serve access management, so it cannot be removed from it.
    expect(
      fields(
        await refused(w, "POST", CHANGES, 422, {
          token: "procurement",
          body: { kind: "add", subProcessorId: w.ixordocs, activityIds: [w.maintenance], reason: { en: "x" }, intendedStart: "2026-12-08" },
        }),
      ),
    ).toEqual(["activityIds"]);
    expect(
      fields(
        await refused(w, "POST", CHANGES, 422, {
          token: "procurement",
          body: { kind: "remove", subProcessorId: w.ixordocs, activityIds: [w.access], reason: { en: "x" }, intendedStart: "2026-12-08" },
        }),
      ),
    ).toEqual(["activityIds.0"]);
  });

  it("refuses a second open change for the same sub-processor", async () => {
    const w = await changeWorld();
    await propose(w.t, {
      kind: "remove",
      subProcessorId: w.ixordocs,
      reason: { en: "Replaced by in-house OCR." },
      intendedStart: "2026-12-08",
      announce: true,
    });
    const problem = await refused(w, "POST", CHANGES, 409, {
      token: "procurement",
      body: {
        kind: "change_locations",
        subProcessorId: w.ixordocs,
        locations: [{ country: "FR" }],
        reason: { en: "x" },
        intendedStart: "2026-12-08",
      },
    });
    expect(problem.detail).toContain("already concerns this sub-processor");
  });

  it("refuses objections to unknown or closed notices, answers on the wrong kind of notice, and receipt times in the future", async () => {
    const w = await changeWorld();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const notices = await noticesOf(w.t, change.id);
    const window = notices.find((n) => n.kind === "objection_window") as (typeof notices)[number];
    const request = notices.find((n) => n.kind === "authorisation_request") as (typeof notices)[number];
    const grounds = { grounds: "We object." };
    await refused(w, "POST", "/api/v1/change-notices/01900000-0000-7000-8000-000000000000/objections", 404, { body: grounds });
    expect(
      fields(
        await refused(w, "POST", `/api/v1/change-notices/${window.id}/objections`, 422, {
          body: { ...grounds, receivedAt: "2026-12-24T10:00:00Z" },
        }),
      ),
    ).toEqual(["receivedAt"]);
    expect(
      fields(
        await refused(w, "POST", `/api/v1/change-notices/${window.id}/objections`, 422, {
          body: { ...grounds, receivedAt: "2026-02-30T10:00:00Z" },
        }),
      ),
    ).toEqual(["receivedAt"]);
    expect(
      fields(
        await refused(w, "POST", `/api/v1/change-notices/${window.id}/objections`, 422, {
          body: { ...grounds, receivedAt: "2026-11-01T10:00:00Z" },
        }),
      ),
    ).toEqual(["receivedAt"]);
    expect(fields(await refused(w, "POST", `/api/v1/change-notices/${window.id}/objections`, 422, { body: { grounds: "  " } }))).toEqual([
      "grounds",
    ]);
    await refused(w, "POST", `/api/v1/change-notices/${request.id}/objections`, 409, { body: grounds });
    await refused(w, "POST", `/api/v1/change-notices/${window.id}/authorisation`, 409, { body: { decision: "granted" } });
    // Once the change is in effect its notices are closed.
    await w.t.request("POST", `/api/v1/change-notices/${request.id}/authorisation`, { token: "editor", body: { decision: "granted" } });
    w.clock.set("2026-12-08T08:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    const closed = await refused(w, "POST", `/api/v1/change-notices/${window.id}/objections`, 409, { body: grounds });
    expect(closed.detail).toContain("is closed");
    await refused(w, "POST", `${CHANGES}/${change.id}/withdraw`, 409, { token: "procurement", body: { reason: "too late" } });
    await refused(w, "POST", `${CHANGES}/${change.id}/announce`, 409, { token: "procurement", body: {} });
  });

  it("refuses an overruling without its reason and a second decision on the same objection", async () => {
    const w = await changeWorld();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const window = (await noticesOf(w.t, change.id)).find((n) => n.kind === "objection_window") as { id: string };
    const objection = await bodyOf<{ id: string }>(
      await w.t.request("POST", `/api/v1/change-notices/${window.id}/objections`, { body: { grounds: "No." } }),
    );
    const path = `/api/v1/objections/${objection.id}/resolution`;
    expect(fields(await refused(w, "POST", path, 422, { body: { resolution: "overruled" } }))).toEqual(["reason"]);
    expect(fields(await refused(w, "POST", path, 422, { body: { resolution: "ignored" } }))).toEqual(["resolution"]);
    expect((await w.t.request("POST", path, { body: { resolution: "withdrawn" } })).status).toBe(200);
    await refused(w, "POST", path, 409, { body: { resolution: "withdrawn" } });
  });

  it("answers clearance questions about unknown things with 404 and malformed ones with 422", async () => {
    const w = await changeWorld();
    const unknown = "01900000-0000-7000-8000-000000000000";
    await refused(w, "GET", `/api/v1/clearance?subProcessorId=${w.ixordocs}&agreementId=${unknown}`, 404, { token: "procurement" });
    await refused(w, "GET", `/api/v1/clearance?subProcessorId=${unknown}&activityId=${w.maintenance}`, 404, { token: "procurement" });
    await refused(w, "GET", `/api/v1/clearance?subProcessorId=${w.ixordocs}`, 422, { token: "procurement" });
    await refused(w, "GET", `/api/v1/clearance?subProcessorId=not-an-id&activityId=${w.maintenance}`, 422, { token: "procurement" });
  });

  it("refuses an agreement governed by a country without a public-holiday calendar: its deadlines could not be counted", async () => {
    const w = await changeWorld();
    const agreement = await bodyOf<Record<string, unknown>>(
      await w.t.request("GET", `/api/v1/agreements/${w.agreements["CF-DPA-2024-001"]}`),
    );
    const problem = await refused(w, "PATCH", `/api/v1/agreements/${agreement.id}`, 422, { body: { governingCountry: "QA" } });
    expect(fields(problem)).toEqual(["governingCountry"]);
  });

  it("does not let procurement decide on objections", async () => {
    const w = await changeWorld();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const window = (await noticesOf(w.t, change.id)).find((n) => n.kind === "objection_window") as { id: string };
    await refused(w, "POST", `/api/v1/change-notices/${window.id}/objections`, 403, { token: "procurement", body: { grounds: "No." } });
    await refused(w, "POST", "/api/v1/lifecycle/run", 403, { token: "editor" });
  });
});

describe("idempotency keys", () => {
  it("returns the first result for a retried proposal and creates nothing new", async () => {
    const w = await changeWorld();
    const first = await propose(w.t, ocrProposal(w.maintenance), "procurement", "procurement-req-42");
    const before = await snapshot(w.store);
    const retry = await w.t.request("POST", CHANGES, {
      token: "procurement",
      body: ocrProposal(w.maintenance),
      headers: { "idempotency-key": "procurement-req-42" },
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((await bodyOf<{ id: string }>(retry)).id).toBe(first.id);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("refuses the same key with a different body", async () => {
    const w = await changeWorld();
    await propose(w.t, ocrProposal(w.maintenance), "procurement", "k-1");
    const problem = await refused(w, "POST", CHANGES, 422, {
      token: "procurement",
      body: ocrProposal(w.maintenance, { intendedStart: "2026-12-09" }),
      headers: { "idempotency-key": "k-1" },
    });
    expect(fields(problem)).toEqual(["Idempotency-Key"]);
    await refused(w, "POST", CHANGES, 422, {
      token: "procurement",
      body: ocrProposal(w.maintenance),
      headers: { "idempotency-key": "with space" },
    });
  });

  it("creates one change when two retries race", async () => {
    const w = await changeWorld();
    const send = () =>
      w.t.request("POST", CHANGES, { token: "procurement", body: ocrProposal(w.maintenance), headers: { "idempotency-key": "race" } });
    const responses = await Promise.all([send(), send(), send()]);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await bodyOf<{ id: string }>(r)).id)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(ids.size).toBe(1);
    const list = await bodyOf<{ items: unknown[] }>(await w.t.request("GET", CHANGES));
    expect(list.items).toHaveLength(1);
    expect(await noticesOf(w.t, [...ids][0] as string)).toHaveLength(3);
  });
});

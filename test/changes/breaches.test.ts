// A personal data breach notifies exactly the agreements whose covered activities use the
// sub-processor involved, directly or through its chain, each by its own clock in hours, with the
// content of Art. 33(3). Run under several host time zones by `npm test`.
import { describe, expect, it } from "vitest";
import { changeWorld, OCR_VENDOR } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, type TestApp } from "../helpers/test-app.ts";

interface Agreement {
  id: string;
  reference: string;
  language: string;
  activityIds: string[];
}
interface Duty {
  id: string;
  agreementId: string;
  kind: string;
  status: string;
  dueAt: string;
  period: { length: number; unit: string };
  evidence: { reference: string } | null;
}
interface Message {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  relatedId: string;
}

const DISCOVERED = "2026-11-20T07:30:00.000Z";
const fields = async (response: Response) => (await bodyOf<{ errors?: { field: string }[] }>(response)).errors?.map((e) => e.field);

async function list<T>(t: TestApp, path: string): Promise<T[]> {
  const response = await t.request("GET", path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await bodyOf<{ items: T[] }>(response)).items;
}

/** A sub-processor engaged through `parentId`, serving `activityId`, set up by an admin's correction (as an existing arrangement). */
async function chainedVendor(t: TestApp, parentId: string, activityId: string): Promise<string> {
  const created = await bodyOf<{ id: string }>(
    await t.request("POST", "/api/v1/sub-processors", { body: { ...OCR_VENDOR, legalName: "OCR Backend GmbH", status: "proposed" } }),
  );
  const corrected = await t.request("POST", `/api/v1/sub-processors/${created.id}/corrections`, {
    body: {
      reason: "Engaged through IxorDocs before the register was kept",
      changes: { status: "active", parentId, activityIds: [activityId] },
    },
  });
  expect(corrected.status, await corrected.clone().text()).toBe(200);
  return created.id;
}

const breachBody = (overrides: Record<string, unknown>) => ({
  summary: "A misconfigured storage bucket exposed scanned invoices for six hours.",
  discoveredAt: DISCOVERED,
  occurredAt: "2026-11-19T22:00:00Z",
  approxSubjects: 120,
  likelyConsequences: "Names and IBANs of invoice counterparties may have been read.",
  measuresTaken: "The bucket was closed and access logs are being reviewed.",
  ...overrides,
});

describe("personal data breaches", () => {
  it("notifies exactly the agreements using the vendor directly or through its chain, each by its clock in hours", async () => {
    const w = await changeWorld();
    const agreements = await list<Agreement>(w.t, "/api/v1/agreements?limit=200");
    const vendors = await list<{ id: string; activityIds: string[] }>(w.t, "/api/v1/sub-processors");
    const ixor = vendors.find((v) => v.id === w.ixordocs) as { activityIds: string[] };
    // An activity IxorDocs does not serve itself, served by a vendor it engages.
    const chained = w.access === ixor.activityIds[0] ? w.maintenance : w.access;
    await chainedVendor(w.t, w.ixordocs, chained);
    const using = new Set([...ixor.activityIds, chained]);
    const expected = agreements
      .filter((a) => a.activityIds.some((id) => using.has(id)))
      .map((a) => a.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(agreements.length + 1);
    // One agreement names its own period: 48 hours.
    const own = agreements.find((a) => a.id === expected[0]) as Agreement;
    const current = await bodyOf<{ clocks: Record<string, unknown> }>(await w.t.request("GET", `/api/v1/agreements/${own.id}`));
    expect(
      (
        await w.t.request("PATCH", `/api/v1/agreements/${own.id}`, {
          body: { clocks: { ...current.clocks, breachNotification: { length: 48, unit: "hours" } } },
        })
      ).status,
    ).toBe(200);

    const recorded = await w.t.request("POST", "/api/v1/breaches", { body: breachBody({ subProcessorIds: [w.ixordocs] }) });
    expect(recorded.status, await recorded.clone().text()).toBe(201);
    const { breach, obligationIds } = await bodyOf<{
      breach: { id: string; affectedAgreementIds: string[]; notifiedAt: string };
      obligationIds: string[];
    }>(recorded);
    expect(breach.affectedAgreementIds).toEqual(expected);
    expect(obligationIds).toHaveLength(expected.length);
    expect(breach.notifiedAt).toBe("2026-11-20T09:00:00.000Z");

    const duties = (await list<Duty>(w.t, "/api/v1/obligations?kind=breach_notification")).filter((d) => obligationIds.includes(d.id));
    expect(duties.map((d) => d.agreementId).sort()).toEqual(expected);
    for (const duty of duties) {
      const hours = duty.agreementId === own.id ? 48 : 24;
      expect([duty.period, duty.dueAt, duty.status]).toEqual([
        { length: hours, unit: "hours" },
        new Date(Date.parse(DISCOVERED) + hours * 3_600_000).toISOString(),
        "done",
      ]);
    }

    const notices = (await list<Message>(w.t, "/api/v1/outbox?limit=500")).filter((m) => m.kind === "breach_notice");
    expect(notices).toHaveLength(expected.length);
    for (const duty of duties) expect(duty.evidence?.reference).toMatch(/^notice [0-9a-f-]{36}$/);
    // Each in its agreement's language, with the content of Art. 33(3).
    const SUBJECTS: Record<string, string> = {
      en: "personal data breach concerning agreement",
      nl: "datalek met betrekking tot overeenkomst",
      fr: "violation de données à caractère personnel concernant l’accord",
    };
    for (const a of agreements.filter((x) => expected.includes(x.id))) {
      const separator = a.language === "fr" ? " : " : ": ";
      expect(notices.map((m) => m.subject)).toContain(`ClearFacts BV${separator}${SUBJECTS[a.language]} ${a.reference}`);
    }
    for (const notice of notices) {
      for (const part of [
        "A misconfigured storage bucket exposed scanned invoices for six hours.",
        "IxorDocs",
        ": 120",
        "Names and IBANs of invoice counterparties may have been read.",
        "The bucket was closed and access logs are being reviewed.",
        "dpo@clearfacts.example",
        breach.id,
      ]) {
        expect(notice.body).toContain(part);
      }
    }
    const dutch = notices.filter((m) => m.subject.includes("datalek"));
    expect(dutch).toHaveLength(agreements.filter((x) => expected.includes(x.id) && x.language === "nl").length);
    for (const m of dutch) expect(m.body).toContain("geschat aantal records: nog niet gekend");

    const update = await w.t.request("POST", `/api/v1/breaches/${breach.id}/updates`, {
      body: { text: "No data was downloaded, the logs show." },
    });
    expect(update.status).toBe(200);
    const updates = (await list<Message>(w.t, "/api/v1/outbox?limit=500")).filter((m) => m.kind === "breach_update");
    expect(updates).toHaveLength(expected.length);
    expect(updates[0]?.body).toContain("No data was downloaded, the logs show.");
    expect(await bodyOf(await w.t.request("POST", "/api/v1/verifications"))).toMatchObject({ ok: true, problems: [] });
  });

  it("still notifies an ended agreement whose data is not deleted or returned yet, and no longer once it is", async () => {
    const w = await changeWorld();
    const ended = await bodyOf<{ obligations: Duty[] }>(
      await w.t.request("POST", "/api/v1/agreements/CF-DPA-2024-001/termination", { body: { endedOn: "2026-11-19" } }),
    );
    const deletion = ended.obligations.find((d) => d.kind === "deletion_or_return") as Duty;
    const record = async () =>
      (
        await bodyOf<{ breach: { affectedAgreementIds: string[] } }>(
          await w.t.request("POST", "/api/v1/breaches", { body: breachBody({ activityIds: [w.maintenance], notify: false }) }),
        )
      ).breach.affectedAgreementIds;
    const agreement = w.agreements["CF-DPA-2024-001"] as string;
    expect(await record()).toContain(agreement);
    const done = await w.t.request("POST", `/api/v1/obligations/${deletion.id}/completion`, {
      body: { evidence: { reference: "CERT-1" } },
    });
    expect(done.status).toBe(200);
    expect(await record()).not.toContain(agreement);
  });

  it("keeps the duties open until the customers are notified later, once", async () => {
    const w = await changeWorld();
    const recorded = await bodyOf<{ breach: { id: string }; obligationIds: string[] }>(
      await w.t.request("POST", "/api/v1/breaches", { body: breachBody({ activityIds: [w.maintenance], notify: false }) }),
    );
    const open = (await list<Duty>(w.t, "/api/v1/obligations?kind=breach_notification")).map((d) => d.status);
    expect(open.length).toBe(recorded.obligationIds.length);
    expect(new Set(open)).toEqual(new Set(["open"]));
    expect((await list<Message>(w.t, "/api/v1/outbox?limit=500")).filter((m) => m.kind === "breach_notice")).toEqual([]);
    expect((await w.t.request("POST", `/api/v1/breaches/${recorded.breach.id}/updates`, { body: { text: "x" } })).status).toBe(409);

    const notified = await w.t.request("POST", `/api/v1/breaches/${recorded.breach.id}/notification`, { body: {} });
    expect(notified.status).toBe(200);
    expect(new Set((await list<Duty>(w.t, "/api/v1/obligations?kind=breach_notification")).map((d) => d.status))).toEqual(
      new Set(["done"]),
    );
    expect((await list<Message>(w.t, "/api/v1/outbox?limit=500")).filter((m) => m.kind === "breach_notice")).toHaveLength(
      recorded.obligationIds.length,
    );
    expect((await w.t.request("POST", `/api/v1/breaches/${recorded.breach.id}/notification`, { body: {} })).status).toBe(409);
  });

  it("refuses bad input with a clear 4xx and changes nothing", async () => {
    const w = await changeWorld();
    const before = await snapshot(w.store);
    const post = (overrides: Record<string, unknown>) => w.t.request("POST", "/api/v1/breaches", { body: breachBody(overrides) });
    const future = await post({ activityIds: [w.maintenance], discoveredAt: "2026-11-21T09:00:00Z" });
    expect([future.status, await fields(future)]).toEqual([422, ["discoveredAt"]]);
    const backwards = await post({ activityIds: [w.maintenance], occurredAt: "2026-11-20T08:00:00Z" });
    expect([backwards.status, await fields(backwards)]).toEqual([422, ["occurredAt"]]);
    const nothing = await post({});
    expect([nothing.status, await fields(nothing)]).toEqual([422, ["activityIds"]]);
    const unknown = await post({ subProcessorIds: ["01900000-0000-7000-8000-000000000000"] });
    expect([unknown.status, await fields(unknown)]).toEqual([422, ["subProcessorIds.0"]]);
    const noConsequences = await post({ activityIds: [w.maintenance], likelyConsequences: "" });
    expect(noConsequences.status).toBe(422);
    expect(
      (await w.t.request("POST", "/api/v1/breaches", { token: "read-only", body: breachBody({ activityIds: [w.maintenance] }) })).status,
    ).toBe(403);
    expect(await snapshot(w.store)).toEqual(before);
  });
});

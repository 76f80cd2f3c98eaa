import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeAdminUi, type UiSession } from "../helpers/admin-ui.ts";
import { type ChangeWorld, changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";

// The ClearFacts register on Friday 20 November 2026: a 15-day window closes at the end of Monday 7 December in Brussels.
const BASE_URL = "https://dpa.clearfacts.example";

/** The new-vendor form as a DPO fills it in (field names are the proposal's dotted paths). */
function newVendorForm(activityId: string, overrides: Record<string, string | string[]> = {}) {
  return {
    kind: "add",
    textLanguage: "en",
    "vendor.legalName": "Klippa OCR GmbH",
    "vendor.address.street": "Friedrichstraße 10",
    "vendor.address.postalCode": "10117",
    "vendor.address.city": "Berlin",
    "vendor.address.country": "DE",
    "vendor.contact.name": "Privacy Team",
    "vendor.contact.email": "privacy@klippa.example",
    "vendor.service": "OCR of invoices and receipts",
    "vendor.locations.0.country": "DE",
    activityIds: [activityId],
    reason: "Better recognition of handwritten receipts.",
    intendedStart: "2026-12-08",
    announce: "true",
    ...overrides,
  };
}

async function setUp() {
  const w = await changeWorld();
  const ui = await makeAdminUi(w.store, w.clock, BASE_URL);
  return { w, ui, admin: await ui.signIn("admin") };
}

async function page(ui: Awaited<ReturnType<typeof makeAdminUi>>, path: string, session: UiSession) {
  const response = await ui.get(path, session);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The one-time message a redirect leaves for the next page. */
function flashOf(response: Response): string {
  const value = /__Host-dpa_flash=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  return value ? decodeURIComponent(value) : "";
}

async function changes(w: ChangeWorld) {
  return (
    await bodyOf<{ items: { id: string; status: string; subProcessorId: string }[] }>(
      await w.t.request("GET", "/api/v1/sub-processor-changes"),
    )
  ).items;
}

async function objectFor(w: ChangeWorld, noticeId: string) {
  const response = await w.t.request("POST", `/api/v1/change-notices/${noticeId}/objections`, {
    token: "editor",
    body: { grounds: "We have not audited this vendor." },
  });
  expect(response.status).toBe(201);
  return bodyOf<{ id: string }>(response);
}

describe("proposing a change in the admin UI", () => {
  it("proposes a new vendor and announces it at once; the change page lists each notice with its deadline and days left", async () => {
    const { w, ui, admin } = await setUp();
    const form = await page(ui, "/admin/changes/new", admin);
    expect(form).toContain(">Vendor name<");
    expect(form).toContain(`value="${w.maintenance}"`);
    const response = await ui.post("/admin/changes", newVendorForm(w.maintenance), admin);
    expect(response.status, await response.clone().text()).toBe(303);
    const [change] = await changes(w);
    expect(change?.status).toBe("announced");
    expect(response.headers.get("location")).toBe(`/admin/changes/${change?.id}`);
    expect(flashOf(response)).toBe("Change proposed and announced: 3 notices queued for sending.");
    const detail = await page(ui, `/admin/changes/${change?.id}`, admin);
    expect(detail).toContain("Klippa OCR GmbH: Add a sub-processor");
    for (const reference of ["CF-DPA-2024-001", "CF-DPA-2024-002", "CF-DPA-2025-003"]) expect(detail).toContain(reference);
    expect(detail.match(/17 days left/g)).toHaveLength(3);
    expect(detail).toContain("8 December 2026, 00:00 (Europe/Brussels)");
    expect(detail).toContain("<td>7 December 2026</td>");
    // Each e-mail links to its own notice, under the configured public address.
    const mails = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_notice" || m.kind === "authorisation_request");
    expect(mails).toHaveLength(3);
    for (const mail of mails) expect(mail.body).toContain(`${BASE_URL}/object/${mail.relatedId}.`);
    // The list of changes under way shows it with its open notices.
    const list = await page(ui, "/admin/changes", admin);
    expect(list).toContain(`href="/admin/changes/${change?.id}"`);
    expect(list).toContain("<td>3 / 0</td>");
  });

  it("shows the form again with each problem beside its field (422) and saves nothing", async () => {
    const { w, ui, admin } = await setUp();
    const before = await snapshot(w.store);
    const incomplete = newVendorForm(w.maintenance, {
      "vendor.address.street": "",
      "vendor.contact.email": "not-an-address",
      activityIds: [],
      reason: "",
    });
    const response = await ui.post("/admin/changes", incomplete, admin);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain("Nothing was saved.");
    expect(text).toMatch(/id="f-vendor-address-street-error">Required\./);
    expect(text).toContain('id="f-vendor-contact-email-error"');
    expect(text).toContain('id="f-reason-error"');
    expect(text).toContain('value="Klippa OCR GmbH"');
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("refuses an intended start before the last window closes, naming the earliest date, and saves nothing (not even the link key)", async () => {
    const { w, ui, admin } = await setUp();
    const before = await snapshot(w.store);
    const response = await ui.post("/admin/changes", newVendorForm(w.maintenance, { intendedStart: "2026-12-07" }), admin);
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/id="f-intendedStart-error">The change may start on 2026-12-08 at the earliest/);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("proposes without announcing, then announces and withdraws from the change page", async () => {
    const { w, ui, admin } = await setUp();
    expect((await ui.post("/admin/changes", newVendorForm(w.maintenance, { announce: [] }), admin)).status).toBe(303);
    const [change] = await changes(w);
    expect(change?.status).toBe("proposed");
    const detail = await page(ui, `/admin/changes/${change?.id}`, admin);
    expect(detail).toContain(">Announce</button>");
    expect(detail).toContain("No notice yet");
    expect((await ui.post(`/admin/changes/${change?.id}/announce`, { intendedStart: "" }, admin)).status).toBe(303);
    expect((await noticesOf(w.t, change?.id as string)).map((n) => n.status)).toEqual(["open", "open", "open"]);
    const withoutReason = await ui.post(`/admin/changes/${change?.id}/withdraw`, { reason: " " }, admin);
    expect(withoutReason.status).toBe(422);
    expect(await withoutReason.text()).toContain('id="f-reason-error"');
    expect((await ui.post(`/admin/changes/${change?.id}/withdraw`, { reason: "Vendor failed our security review." }, admin)).status).toBe(
      303,
    );
    expect((await changes(w))[0]?.status).toBe("withdrawn");
    expect(await page(ui, "/admin/changes?scope=past", admin)).toContain(`href="/admin/changes/${change?.id}"`);
  });

  it("proposes the removal of an existing sub-processor, its activities taken from the register", async () => {
    const { w, ui, admin } = await setUp();
    const response = await ui.post(
      "/admin/changes",
      { kind: "remove", subProcessorId: w.ixordocs, reason: "OCR moves in-house.", intendedStart: "2026-12-31", textLanguage: "en" },
      admin,
    );
    expect(response.status, await response.clone().text()).toBe(303);
    const [removal] = await changes(w);
    expect(removal).toMatchObject({ status: "proposed", subProcessorId: w.ixordocs });
    const detail = await bodyOf<{ kind: string; activityIds: string[] }>(
      await w.t.request("GET", `/api/v1/sub-processor-changes/${removal?.id}`),
    );
    expect(detail.kind).toBe("remove");
    expect(detail.activityIds.length).toBeGreaterThan(0);
  });
});

describe("deciding on objections in the admin UI", () => {
  it("shows an objection with its timing and records the DPO's decision, audited", async () => {
    const { w, ui, admin } = await setUp();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const [notice] = await noticesOf(w.t, change.id);
    const objection = await objectFor(w, notice?.id as string);
    const path = `/admin/objections/${objection.id}`;
    const shown = await page(ui, path, admin);
    expect(shown).toContain("We have not audited this vendor.");
    expect(shown).toContain("On time");
    expect(shown).toContain(">Reason for the decision<");
    expect(shown).toContain(">Record decision</button>");
    const before = await snapshot(w.store);
    const missingReason = await ui.post(`${path}/resolution`, { resolution: "overruled" }, admin);
    expect(missingReason.status).toBe(422);
    expect(await missingReason.text()).toContain("Overruling an objection needs the reason, for the record.");
    expect(await snapshot(w.store)).toEqual(before);
    const decided = await ui.post(
      `${path}/resolution`,
      { resolution: "overruled", reason: "The vendor holds ISO 27001 and processes in the EU only." },
      admin,
    );
    expect(decided.status).toBe(303);
    expect(flashOf(decided)).toBe("Decision recorded: Overruled.");
    const after = await page(ui, path, admin);
    expect(after).toContain("The vendor holds ISO 27001");
    const stored = await bodyOf<{ resolution: string; resolvedBy: string }>(await w.t.request("GET", `/api/v1/objections/${objection.id}`));
    expect(stored.resolution).toBe("overruled");
    expect(stored.resolvedBy).toContain("Test admin");
    const audit = await bodyOf<{ items: { action: string; actorName: string }[] }>(
      await w.t.request("GET", `/api/v1/audit?entityType=objection&entityId=${objection.id}`),
    );
    expect(audit.items.map((e) => e.action)).toEqual(["object", "resolve"]);
    expect(audit.items[1]?.actorName).toContain("Test admin");
  });

  it("records an objection that came by letter (late), an option-1 answer, and takes an agreement out, from the notice page", async () => {
    const { w, ui } = await setUp();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const notices = await noticesOf(w.t, change.id);
    const dupont = notices.find((n) => n.agreementId === w.agreements["CF-DPA-2024-002"]);
    const janssens = notices.find((n) => n.kind === "authorisation_request");
    w.clock.set("2026-12-09T09:00:00.000Z");
    const admin = await ui.signIn("admin"); // the first session has idled out meanwhile
    const noticePage = await page(ui, `/admin/notices/${dupont?.id}`, admin);
    // Dates in one format, the deadline once (the instant in UTC in its tooltip), languages and codes in words.
    expect(noticePage).toContain("<dt>Notice date</dt><dd>20 November 2026</dd>");
    expect(noticePage).toContain(
      '<dt>Deadline</dt><dd><time datetime="2026-12-07T23:00:00.000Z" title="Closes 7 December 2026, 23:00 UTC">The end of 7 December 2026 (Europe/Brussels time)</time></dd>',
    );
    expect(noticePage).toContain("(notices in French)</dd>");
    // The customer's own link, which opens the customer's page.
    const link = /href="https:\/\/dpa\.clearfacts\.example(\/object\/[^"]+)"/.exec(noticePage)?.[1];
    expect(link).toBeDefined();
    expect((await ui.get(link as string)).status).toBe(200);
    const letter = await ui.post(
      `/admin/notices/${dupont?.id}/objections`,
      { "objection.grounds": "By letter: we object.", "objection.receivedAt": "2026-12-08T00:30", "objection.channel": "letter" },
      admin,
    );
    expect(letter.status).toBe(303);
    const [objection] = (
      await bodyOf<{ items: { onTime: boolean; channel: string; receivedAt: string }[] }>(
        await w.t.request("GET", `/api/v1/objections?changeId=${change.id}`),
      )
    ).items;
    expect(objection).toMatchObject({ onTime: false, channel: "letter", receivedAt: "2026-12-07T23:30:00.000Z" });
    expect((await ui.post(`/admin/notices/${janssens?.id}/authorisation`, { "authorisation.decision": "granted" }, admin)).status).toBe(
      303,
    );
    expect((await noticesOf(w.t, change.id)).find((n) => n.id === janssens?.id)?.authorisation).toBe("granted");
    const withoutNote = await ui.post(`/admin/notices/${dupont?.id}/exclusion`, { "exclusion.reason": "alternative_offered" }, admin);
    expect(withoutNote.status).toBe(422);
    expect(await withoutNote.text()).toContain('id="f-exclusion-note-error"');
    expect(
      (
        await ui.post(
          `/admin/notices/${dupont?.id}/exclusion`,
          { "exclusion.reason": "alternative_offered", "exclusion.note": "OCR stays with IxorDocs." },
          admin,
        )
      ).status,
    ).toBe(303);
    expect((await noticesOf(w.t, change.id)).find((n) => n.id === dupont?.id)).toMatchObject({ status: "closed", outcome: "excluded" });
  });
});

describe("read-only users", () => {
  it("see the change, notice and objection pages without forms, and every post is refused (403) with nothing saved", async () => {
    const { w, ui } = await setUp();
    const auditor = await ui.signIn("read-only");
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const [notice] = await noticesOf(w.t, change.id);
    const objection = await objectFor(w, notice?.id as string);
    const changePage = await page(ui, `/admin/changes/${change.id}`, auditor);
    expect(changePage).not.toContain(">Withdraw</button>");
    const objectionPage = await page(ui, `/admin/objections/${objection.id}`, auditor);
    expect(objectionPage).not.toContain("Record decision");
    expect(await page(ui, `/admin/notices/${notice?.id}`, auditor)).not.toContain("Customer's objection page");
    expect((await ui.get("/admin/changes/new", auditor)).status).toBe(403);
    const before = await snapshot(w.store);
    const posts: [string, Record<string, string | string[]>][] = [
      ["/admin/changes", newVendorForm(w.maintenance)],
      [`/admin/changes/${change.id}/withdraw`, { reason: "no" }],
      [`/admin/changes/${change.id}/announce`, {}],
      [`/admin/objections/${objection.id}/resolution`, { resolution: "overruled", reason: "no" }],
      [`/admin/notices/${notice?.id}/objections`, { "objection.grounds": "no" }],
      [`/admin/notices/${notice?.id}/authorisation`, { "authorisation.decision": "granted" }],
      [`/admin/notices/${notice?.id}/exclusion`, { "exclusion.reason": "customer_terminated" }],
    ];
    for (const [path, fields] of posts) expect((await ui.post(path, fields, auditor)).status, path).toBe(403);
    expect(await snapshot(w.store)).toEqual(before);
  });
});

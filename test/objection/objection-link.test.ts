import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { proposeChange } from "../../src/core/changes/proposal/propose-change.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { type ChangeWorld, changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";

// The ClearFacts notice of Friday 20 November 2026: the windows close at the end of
// Monday 7 December in Brussels (2026-12-07T23:00Z); links work 30 days longer.
const CLOSES_AT = "2026-12-07T23:00:00.000Z";
const GROUNDS = "Our auditors have not assessed Klippa; we need time to review its certifications.";
const CONTACT = { name: "An Peeters", email: "an.peeters@peeters.example" };

interface ObjectionOut {
  id: string;
  noticeId: string;
  onTime: boolean;
  channel: string;
  grounds: string;
  receivedAt: string;
}

/** The ClearFacts OCR change announced through the API, with the customer pages of the same app, and each notice's link from its e-mail. */
async function announcedWorld() {
  const w = await changeWorld();
  const ui = await makeAdminUi(w.store, w.clock);
  const change = await propose(w.t, ocrProposal(w.maintenance));
  const notices = await noticesOf(w.t, change.id);
  const mails = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_notice" || m.kind === "authorisation_request");
  const linkOf = (noticeId: string) => {
    const mail = mails.find((m) => m.relatedId === noticeId);
    const link = /http:\/\/localhost:3000(\/object\/\S+)/.exec(mail?.body ?? "")?.[1];
    if (!link) throw new Error(`no link in the e-mail for notice ${noticeId}`);
    return link;
  };
  const noticeOf = (reference: string) => notices.find((n) => n.agreementId === w.agreements[reference]) as (typeof notices)[number];
  return {
    w,
    ui,
    change,
    notices,
    mails,
    linkOf,
    peeters: noticeOf("CF-DPA-2024-001"),
    dupont: noticeOf("CF-DPA-2024-002"),
    janssens: noticeOf("CF-DPA-2025-003"),
  };
}

async function objectionsOf(w: ChangeWorld, changeId: string): Promise<ObjectionOut[]> {
  const response = await w.t.request("GET", `/api/v1/objections?changeId=${changeId}`, { token: "read-only" });
  expect(response.status).toBe(200);
  return (await bodyOf<{ items: ObjectionOut[] }>(response)).items;
}

describe("the notice e-mails", () => {
  it("carry each notice's own link, which opens that notice and no other", async () => {
    const { ui, notices, mails, linkOf } = await announcedWorld();
    expect(mails).toHaveLength(3);
    const links = notices.map((n) => linkOf(n.id));
    expect(new Set(links).size).toBe(3);
    for (const notice of notices) {
      const link = linkOf(notice.id);
      expect(link.startsWith(`/object/${notice.id}.`)).toBe(true);
      const page = await ui.get(link);
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).toContain(notice.id);
      for (const other of notices.filter((n) => n.id !== notice.id)) expect(text).not.toContain(other.id);
    }
    const toPeeters = mails.find((m) => m.recipient === "an.peeters@peeters.example");
    // In the agreement's language (Dutch), next to the deadline.
    expect(toPeeters?.body).toMatch(
      /U kunt ook online bezwaar maken, zonder account, via deze link die alleen voor deze kennisgeving geldt: http:\/\/localhost:3000\/object\//,
    );
  });

  it("start links with the configured public base URL", async () => {
    const w = await changeWorld();
    const ctx = { ...makeCtx(w.store, SYSTEM_ACTOR, w.clock), publicBaseUrl: "https://dpa.clearfacts.example/" };
    const { change } = await proposeChange(ctx, ocrProposal(w.maintenance), null);
    const mails = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_notice");
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.body).toContain(`https://dpa.clearfacts.example/object/${mail.relatedId}.`);
    expect(change.status).toBe("announced");
  });
});

describe("the customer's objection page", () => {
  it("shows the change, the agreement and the deadline in the agreement's zone and language, kept out of search engines", async () => {
    const { ui, peeters, linkOf } = await announcedWorld();
    const page = await ui.get(linkOf(peeters.id));
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Klippa OCR GmbH");
    // Peeters' agreement is in Dutch: so is the page, like the notice e-mail.
    expect(text).toContain('<html lang="nl"');
    expect(text).toContain("OCR van facturen en bonnetjes");
    expect(text).toContain("Betere herkenning van handgeschreven bonnetjes.");
    expect(text).toContain("8 december 2026"); // intended start
    expect(text).toContain("CF-DPA-2024-001");
    expect(text).toContain("U kunt bezwaar maken tot <strong>het einde van 7 december 2026 (Europe/Brussels)</strong>");
    expect(text).toContain("Nog 17 dagen.");
    expect(text).toContain("Uw redenen voor het bezwaar");
    expect(text).not.toContain("You may object");
    expect(text).toContain('<meta name="robots" content="noindex">');
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("set-cookie")).toBeNull();
  });

  it("records an objection on time through the same use case, and alerts the DPO", async () => {
    const { w, ui, change, peeters, linkOf } = await announcedWorld();
    w.clock.set("2026-12-07T22:30:00.000Z"); // 23:30 in Brussels on the last day
    const response = await ui.post(linkOf(peeters.id), { grounds: GROUNDS, ...CONTACT }, null);
    expect(response.status).toBe(200);
    const receipt = await response.text();
    const [objection] = await objectionsOf(w, change.id);
    expect(objection).toMatchObject({ noticeId: peeters.id, onTime: true, channel: "link", receivedAt: "2026-12-07T22:30:00.000Z" });
    expect(objection?.grounds).toBe(`${GROUNDS}\n\nSent through the notice link by An Peeters <an.peeters@peeters.example>.`);
    expect(receipt).toContain("Bezwaar ontvangen");
    expect(receipt).toContain(objection?.id);
    expect(receipt).toContain("7 december 2026, 23:30 (Europe/Brussels)");
    expect(receipt).toContain("tijdig");
    expect(receipt).not.toContain("LAATTIJDIG");
    const alerts = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "objection_alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.body).toContain(GROUNDS);
    // The change is now blocked by it, as by any objection received in time.
    const detail = await bodyOf<{ verdict: string }>(await w.t.request("GET", `/api/v1/sub-processor-changes/${change.id}`));
    expect(detail.verdict).toBe("blocked");
  });

  it("after the window still records the objection, flagged late, and says so", async () => {
    const { w, ui, change, dupont, linkOf } = await announcedWorld();
    w.clock.set(CLOSES_AT); // midnight in Brussels: the first instant after the window
    const page = await (await ui.get(linkOf(dupont.id))).text();
    // Dupont's agreement is in French.
    expect(page).toContain("Le délai d’opposition a expiré");
    const response = await ui.post(linkOf(dupont.id), { grounds: GROUNDS, ...CONTACT }, null);
    expect(response.status).toBe(200);
    const receipt = await response.text();
    expect(receipt).toContain("TARDIVE");
    expect(receipt).toContain("après l’expiration du délai d’opposition");
    const [objection] = await objectionsOf(w, change.id);
    expect(objection).toMatchObject({ noticeId: dupont.id, onTime: false, channel: "link", receivedAt: CLOSES_AT });
  });

  it("takes a second objection from the same link as a separate record and lists both", async () => {
    const { w, ui, change, peeters, linkOf } = await announcedWorld();
    expect((await ui.post(linkOf(peeters.id), { grounds: GROUNDS, ...CONTACT }, null)).status).toBe(200);
    w.clock.set("2026-11-25T10:00:00.000Z");
    expect((await ui.post(linkOf(peeters.id), { grounds: "Also: no DPIA was shared.", ...CONTACT }, null)).status).toBe(200);
    const raised = await objectionsOf(w, change.id);
    expect(raised).toHaveLength(2);
    const page = await (await ui.get(linkOf(peeters.id))).text();
    expect(page).toContain("Bezwaren die al via deze link werden verstuurd");
    for (const o of raised) expect(page).toContain(o.id);
  });

  it("re-shows the form with the reasons missing (422), keeping what was typed, and saves nothing", async () => {
    const { w, ui, peeters, linkOf } = await announcedWorld();
    const before = await snapshot(w.store);
    const response = await ui.post(linkOf(peeters.id), { grounds: "   ", name: "An Peeters", email: "not-an-address" }, null);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain("Uw bezwaar werd niet verstuurd.");
    expect(text).toContain("Geef de redenen voor uw bezwaar.");
    expect(text).toContain("Geef een e-mailadres zoals naam@voorbeeld.be.");
    expect(text).toContain('value="An Peeters"');
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("records an option-1 customer's answer on its authorisation request", async () => {
    const { w, ui, janssens, linkOf } = await announcedWorld();
    const page = await (await ui.get(linkOf(janssens.id))).text();
    expect(page).toContain("Your authorisation for a change of sub-processors");
    expect(page).toContain("Please answer by <strong>the end of 7 December 2026 (Europe/Brussels time)</strong>");
    const response = await ui.post(
      linkOf(janssens.id),
      { decision: "refused", note: "Not without our audit.", name: "Tom Janssens", email: "tom.janssens@janssens.example" },
      null,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("you refused the change");
    const notice = await bodyOf<{ authorisation: string }>(await w.t.request("GET", `/api/v1/change-notices/${janssens.id}`));
    expect(notice.authorisation).toBe("refused");
  });

  it("shows a withdrawn change's notice as closed and takes nothing more", async () => {
    const { w, ui, change, peeters, linkOf } = await announcedWorld();
    const withdrawn = await w.t.request("POST", `/api/v1/sub-processor-changes/${change.id}/withdraw`, {
      token: "procurement",
      body: { reason: "Vendor failed our security review." },
    });
    expect(withdrawn.status).toBe(200);
    const page = await (await ui.get(linkOf(peeters.id))).text();
    expect(page).toContain("Deze kennisgeving is afgesloten");
    expect(page).toContain("heeft deze wijziging op 20 november 2026 ingetrokken");
    expect(page).not.toContain("Bezwaar versturen");
    const before = await snapshot(w.store);
    const response = await ui.post(linkOf(peeters.id), { grounds: GROUNDS, ...CONTACT }, null);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Er werd niets vastgelegd.");
    expect(await snapshot(w.store)).toEqual(before);
  });
});

describe("links that do not open a notice", () => {
  it("refuse tampered, borrowed and expired tokens alike, revealing nothing and saving nothing", async () => {
    const { w, ui, peeters, dupont, linkOf } = await announcedWorld();
    const [, id, expires, signature] = /^\/object\/([^.]+)\.(\d+)\.(.+)$/.exec(linkOf(peeters.id)) ?? [];
    const flipped = `${signature?.slice(0, 10)}${signature?.[10] === "A" ? "B" : "A"}${signature?.slice(11)}`;
    const forged = [
      `/object/${id}.${expires}.${flipped}`, // tampered signature
      `/object/${dupont.id}.${expires}.${signature}`, // another notice with this notice's signature
      `/object/${id}.${Number(expires) + 86_400 * 365}.${signature}`, // a later expiry
      `/object/${id}`, // no signature
      "/object/not-a-token",
    ];
    const before = await snapshot(w.store);
    for (const path of forged) {
      const page = await ui.get(path);
      expect(page.status, path).toBe(404);
      const text = await page.text();
      expect(text).toContain("This link is not valid");
      expect(text).not.toContain("Klippa");
      expect(text).not.toContain("CF-DPA");
      expect((await ui.post(path, { grounds: GROUNDS, ...CONTACT }, null)).status, path).toBe(404);
    }
    // The genuine link, once it has expired (30 days after the window closed).
    w.clock.set("2027-01-06T23:00:00.000Z");
    const expired = await ui.get(linkOf(peeters.id));
    expect(expired.status).toBe(410);
    const text = await expired.text();
    expect(text).toContain("This link has expired");
    expect(text).not.toContain("Klippa");
    // It names no notice, so no agreement language: the browser's is used.
    const dutch = await (await ui.get(linkOf(peeters.id), null, { "accept-language": "nl-BE,nl;q=0.9" })).text();
    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toContain("Deze link is verlopen");
    expect((await ui.post(linkOf(peeters.id), { grounds: GROUNDS, ...CONTACT }, null)).status).toBe(410);
    expect(await snapshot(w.store)).toEqual(before);
    // A minute earlier it still worked (and would record a late objection).
    w.clock.set("2027-01-06T22:59:00.000Z");
    expect((await ui.get(linkOf(peeters.id))).status).toBe(200);
  });

  it("refuse a cross-site post (403) and save nothing", async () => {
    const { w, ui, peeters, linkOf } = await announcedWorld();
    const before = await snapshot(w.store);
    const response = await ui.post(linkOf(peeters.id), { grounds: GROUNDS, ...CONTACT }, null, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await snapshot(w.store)).toEqual(before);
  });
});

// The public sub-processor page as a trust page (issue: a bare table with no organisation, no "last
// updated", no chain) and its e-mail subscription with double opt-in: asked on the page, confirmed
// through the link sent to the address, told of each announced change, unsubscribed (the address
// deleted) through the link in every e-mail.
import { describe, expect, it } from "vitest";
import { outbox, subscribers } from "../../db/schema.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { runLifecycle } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { activeSubProcessorVia, bodyOf } from "../helpers/test-app.ts";
import { clearFactsWorld, type FeedWorld, proposeVendor, publicGet } from "./feed-fixtures.ts";

const READER = "reader@example.com";

async function world() {
  const w = await clearFactsWorld();
  const ui = await makeAdminUi(w.t.store, w.clock);
  const mails = async (kind: string) => (await w.t.store.db.select().from(outbox)).filter((m) => m.kind === kind);
  const rows = () => w.t.store.db.select().from(subscribers);
  const linkIn = (body: string) => {
    const link = /http:\/\/localhost:3000(\/public\/subscriptions\/\S+)/.exec(body)?.[1];
    if (!link) throw new Error(`no subscription link in: ${body}`);
    return link;
  };
  return { w, ui, mails, rows, linkIn };
}

async function awsId(w: FeedWorld): Promise<string> {
  const list = await bodyOf<{ items: { id: string; legalName: string }[] }>(await w.t.request("GET", "/api/v1/sub-processors"));
  return list.items.find((s) => s.legalName.startsWith("Amazon"))?.id ?? "";
}

describe("the public sub-processor page", () => {
  it("names its publisher and DPO, says when it was last updated, and shows who engaged whom", async () => {
    const { w } = await world();
    w.clock.t = Date.parse("2026-11-25T10:00:00Z");
    await activeSubProcessorVia(w.t, {
      legalName: "Frankfurt Backup GmbH",
      address: { street: "Mainzer Landstraße 1", postalCode: "60329", city: "Frankfurt", country: "DE" },
      contact: { email: "privacy@backup.example" },
      service: { en: "Backups of the hosting", nl: "Back-ups van de hosting" },
      locations: [{ country: "DE" }],
      parentId: await awsId(w),
    });
    const html = await (await publicGet(w, "/public/sub-processors?lang=en")).text();
    expect(html).toContain('<p class="publisher">ClearFacts BV · Belgium</p>');
    expect(html).toContain('<p class="updated">Last updated: 25 November 2026</p>');
    expect(html).toContain(
      "<td>Frankfurt Backup GmbH</td><td>Backups of the hosting</td><td>Germany</td><td>Amazon Web Services EMEA SARL</td>",
    );
    expect(html).toContain("<td>IxorDocs</td><td>Provides OCR functionality</td><td>Germany</td><td>ClearFacts BV, directly</td>");
    expect(html).toContain("Write to its data protection officer: dpo@clearfacts.example.");
    expect(html).toContain('<form class="subscribe" method="post" action="subscriptions">');
    const list = await bodyOf<{ lastUpdated: string; subProcessors: { legalName: string; engagedBy: { legalName: string } | null }[] }>(
      await publicGet(w, "/public/sub-processors.json?lang=en"),
    );
    expect(list.lastUpdated).toBe("2026-11-25T10:00:00.000Z");
    expect(list.subProcessors.find((s) => s.legalName === "Frankfurt Backup GmbH")?.engagedBy?.legalName).toBe(
      "Amazon Web Services EMEA SARL",
    );
    // In Dutch and French too, the chain included.
    expect(await (await publicGet(w, "/public/sub-processors?lang=nl")).text()).toContain("Laatst bijgewerkt: 25 november 2026");
    expect(await (await publicGet(w, "/public/sub-processors?lang=fr")).text()).toContain("<td>ClearFacts BV, directement</td>");
  });
});

describe("e-mail updates with double opt-in", () => {
  it("asks, confirms by a button on the linked page, tells of each announced change, and unsubscribes by deleting the address", async () => {
    const { w, ui, mails, rows, linkIn } = await world();
    const asked = await ui.post("/public/subscriptions", { email: "Reader@Example.com", lang: "fr" }, null);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("un message contenant un lien pour la confirmer est en route");
    expect(await rows()).toMatchObject([{ email: READER, language: "fr", status: "pending" }]);
    const [confirmation, ...others] = await mails("subscription_confirmation");
    expect(others).toEqual([]);
    expect(confirmation?.recipient).toBe(READER);
    expect(confirmation?.subject).toBe("Confirmez vos e-mails sur les sous-traitants ultérieurs de ClearFacts BV");
    // Asked again at once: the same answer, no second e-mail.
    expect((await ui.post("/public/subscriptions", { email: READER, lang: "fr" }, null)).status).toBe(200);
    expect(await mails("subscription_confirmation")).toHaveLength(1);

    // Nothing is sent to a pending address.
    await proposeVendor(w, "First OCR GmbH");
    expect(await mails("subscriber_notice")).toEqual([]);

    // Opening the link confirms nothing (mail scanners follow links); its button does.
    const link = linkIn(confirmation?.body ?? "");
    const opened = await ui.get(link);
    expect(opened.status).toBe(200);
    const page = await opened.text();
    expect(page).toContain(`<form method="post" action="${link}/confirm">`);
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect((await rows())[0]?.status).toBe("pending");
    const confirmed = await ui.post(`${link}/confirm`, {}, null);
    expect(await confirmed.text()).toContain(`${READER} est informé par e-mail`);
    expect((await rows())[0]?.status).toBe("confirmed");

    const change = await proposeVendor(w, "Second OCR GmbH");
    const [notice, ...more] = await mails("subscriber_notice");
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ recipient: READER, relatedId: change.id });
    expect(notice?.subject).toBe("ClearFacts BV : une modification des sous-traitants ultérieurs est annoncée");
    expect(notice?.body).toContain("Second OCR GmbH");
    expect(notice?.body).toContain("http://localhost:3000/public/sub-processors?lang=fr");
    expect(linkIn(notice?.body ?? "")).toBe(link);

    const gone = await ui.post(`${link}/unsubscribe`, {}, null);
    expect(await gone.text()).toContain("l’adresse est effacée");
    expect(await rows()).toEqual([]);
    expect((await ui.get(link)).status).toBe(404);
    await proposeVendor(w, "Third OCR GmbH");
    expect(await mails("subscriber_notice")).toHaveLength(1);
  });

  it("refuses a bad address and a post from another site, changing nothing; forgets an address not confirmed within a week", async () => {
    const { w, ui, rows } = await world();
    const before = await snapshot(w.t.store);
    const bad = await ui.post("/public/subscriptions", { email: "not an address", lang: "en" }, null);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Please give an e-mail address such as name@example.com.");
    const forged = await ui.post("/public/subscriptions", { email: READER, lang: "en" }, null, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await snapshot(w.t.store)).toEqual(before);
    const forgedLink = await ui.get(
      "/public/subscriptions/01a24fc5-b200-770d-b0fb-e910d68ab81c.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    );
    expect(forgedLink.status).toBe(404);

    expect((await ui.post("/public/subscriptions", { email: READER, lang: "en" }, null)).status).toBe(200);
    w.clock.t += 6 * 86_400_000;
    await runLifecycle(w.t);
    expect(await rows()).toHaveLength(1);
    w.clock.t += 2 * 86_400_000;
    await runLifecycle(w.t);
    expect(await rows()).toEqual([]);
  });
});

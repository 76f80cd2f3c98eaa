// What customers get by e-mail and what admins see of it (issue: plain text only, replies went to
// the default sender, no receipt for an objection, no reminder before a window closes, no view of
// the outbox). The ClearFacts OCR change of Friday 20 November 2026: the windows close at the end
// of Monday 7 December in Brussels; Peeters' agreement is in Dutch, Dupont's in French, Janssens'
// asks for prior authorisation.
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { deliverDueMessages } from "../../src/core/outbox/deliver-outbox.ts";
import { createSmtpMailer } from "../../src/platform/node/smtp-mailer.ts";
import { follow } from "../admin/register-form-reader.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { changeWorld, noticesOf, ocrProposal, propose, runLifecycle } from "../helpers/changes.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

stopStartedAfterEach();

const DPO = "dpo@clearfacts.example";
const PEETERS = "an.peeters@peeters.example";
const DUPONT = "luc.dupont@dupont.example";

async function announced() {
  const w = await changeWorld();
  const ui = await makeAdminUi(w.store, w.clock);
  const change = await propose(w.t, ocrProposal(w.maintenance));
  const notices = await noticesOf(w.t, change.id);
  const noticeOf = (reference: string) => notices.find((n) => n.agreementId === w.agreements[reference]) as (typeof notices)[number];
  const rows = () => w.store.db.select().from(outbox);
  const linkOf = async (noticeId: string) => {
    const mail = (await rows()).find((m) => m.relatedId === noticeId && m.kind === "change_notice");
    const link = /http:\/\/localhost:3000(\/object\/\S+)/.exec(mail?.body ?? "")?.[1];
    if (!link) throw new Error(`no link in the e-mail for notice ${noticeId}`);
    return link;
  };
  const deliverTo = (sink: SmtpSink) =>
    deliverDueMessages({ store: w.store, mailer: createSmtpMailer({ url: sink.url, from: "register@dpa.example" }), clock: w.clock });
  return { w, ui, rows, linkOf, deliverTo, peeters: noticeOf("CF-DPA-2024-001"), dupont: noticeOf("CF-DPA-2024-002") };
}

describe("e-mail to customers", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("goes as plain text and HTML saying the same, replies going to the DPO (the DPO's own mail has no Reply-To)", async () => {
    const { rows, deliverTo, w } = await announced();
    const sink = await startSmtpSink();
    await deliverTo(sink);
    const received = await sink.waitForMessages((await rows()).length);
    const toPeeters = received.find((m) => m.to.includes(PEETERS));
    expect(toPeeters?.contentType).toBe("multipart/alternative");
    expect(toPeeters?.replyTo).toEqual([DPO]);
    const queued = (await rows()).find((m) => m.recipient === PEETERS);
    expect(toPeeters?.text.trim()).toBe(queued?.body.trim());
    // The HTML part: the same paragraphs, the link clickable, the text escaped.
    const html = toPeeters?.html ?? "";
    const link = /http:\/\/localhost:3000\/object\/\S+/.exec(queued?.body ?? "")?.[0] ?? "";
    expect(html).toContain(`<a href="${link}">${link}</a>`);
    expect(html).toContain(`<a href="mailto:${DPO}">${DPO}</a>`);
    for (const paragraph of (queued?.body ?? "").split("\n\n").filter((p) => p.trim() && !p.includes("http"))) {
      const firstLine = (paragraph.trim().split("\n")[0] ?? "").replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
      expect(html, firstLine).toContain(firstLine.replace(DPO, `<a href="mailto:${DPO}">${DPO}</a>`));
    }
    // A message to the DPO has no Reply-To: replying reaches the sender as usual.
    await w.t.request("POST", `/api/v1/change-notices/${(await rows())[0]?.relatedId}/objections`, {
      body: { grounds: "We object." },
    });
    await deliverTo(sink);
    const alert = (await sink.waitForMessages(received.length + 2)).find((m) => m.to.includes(DPO));
    expect(alert?.replyTo).toEqual([]);
    expect(alert?.html).toContain("<p");
  });

  it("a customer who objects through the link gets a receipt, in the agreement's language, at its contact and at the address it gave", async () => {
    const { w, ui, rows, linkOf, peeters } = await announced();
    w.clock.set("2026-12-07T22:30:00.000Z"); // 23:30 in Brussels on the last day
    const response = await ui.post(
      await linkOf(peeters.id),
      { grounds: "Wij willen Klippa eerst laten auditen.", name: "An Peeters", email: "privacy@peeters.example" },
      null,
    );
    expect(response.status).toBe(200);
    const [objection] = (
      await bodyOf<{ items: { id: string }[] }>(await w.t.request("GET", `/api/v1/objections?changeId=${peeters.changeId}`))
    ).items;
    const receipts = (await rows()).filter((m) => m.kind === "objection_receipt");
    expect(receipts.map((m) => m.recipient).sort()).toEqual([PEETERS, "privacy@peeters.example"]);
    for (const receipt of receipts) {
      expect(receipt.relatedId).toBe(objection?.id);
      expect(receipt.subject).toBe("Bezwaar ontvangen: CF-DPA-2024-001");
      expect(receipt.body).toContain(`Referentie van het ontvangstbewijs: ${objection?.id}`);
      expect(receipt.body).toContain("Ontvangen: 7 december 2026, 23:30 (Europe/Brussels)");
      expect(receipt.body).toContain("Tijdigheid: tijdig");
      expect(receipt.body).toContain("binnen de bezwaartermijn");
      expect(receipt.body).toContain(DPO);
    }
    // Sent again (a reload), the objection is recorded once: no second receipt either.
    await ui.post(
      await linkOf(peeters.id),
      { grounds: "Wij willen Klippa eerst laten auditen.", name: "An Peeters", email: "privacy@peeters.example" },
      null,
    );
    expect((await rows()).filter((m) => m.kind === "objection_receipt")).toHaveLength(2);
  });

  it("an objection recorded by the DPO (a letter) gets its receipt at the customer's contact, marked late when it is", async () => {
    const { w, rows, dupont } = await announced();
    w.clock.set("2026-12-09T10:00:00.000Z");
    const response = await w.t.request("POST", `/api/v1/change-notices/${dupont.id}/objections`, {
      body: { grounds: "Nous refusons ce sous-traitant.", receivedAt: "2026-12-08T09:00:00Z", channel: "letter" },
    });
    expect(response.status).toBe(201);
    const [receipt, ...more] = (await rows()).filter((m) => m.kind === "objection_receipt");
    expect(more).toEqual([]);
    expect(receipt?.recipient).toBe(DUPONT);
    expect(receipt?.body).toContain("Délai : TARDIVE");
  });
});

describe("the reminder before a window closes", () => {
  it("reaches each customer that has not objected once, 3 days before its last day in its own zone, with its link", async () => {
    const { w, rows, peeters, dupont, linkOf } = await announced();
    await w.t.request("POST", `/api/v1/change-notices/${peeters.id}/objections`, { body: { grounds: "Wij maken bezwaar." } });
    // 23:00 on Thursday 3 December in Brussels: 4 days before the last day.
    w.clock.set("2026-12-03T22:00:00.000Z");
    expect((await runLifecycle(w.t)).windows).toEqual({ reminded: [], failed: [] });
    // 00:30 on Friday 4 December in Brussels: 3 days before.
    w.clock.set("2026-12-03T23:30:00.000Z");
    expect((await runLifecycle(w.t)).windows).toEqual({ reminded: [dupont.id], failed: [] });
    const [reminder, ...more] = (await rows()).filter((m) => m.kind === "window_reminder");
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ recipient: DUPONT, relatedId: dupont.id, status: "pending" });
    expect(reminder?.subject).toBe(
      "Rappel : les oppositions au titre de l’accord CF-DPA-2024-002 sont possibles jusqu’à la fin du 7 décembre 2026",
    );
    expect(reminder?.body).toContain("Klippa OCR GmbH");
    expect(reminder?.body).toContain("jusqu’à la fin du 7 décembre 2026 (heure Europe/Brussels)");
    expect(reminder?.body).toContain(`http://localhost:3000${await linkOf(dupont.id)}`);
    // Twice, and twice at once: still one reminder per notice.
    expect((await runLifecycle(w.t)).windows.reminded).toEqual([]);
    await Promise.all([runLifecycle(w.t), runLifecycle(w.t)]);
    expect((await rows()).filter((m) => m.kind === "window_reminder")).toHaveLength(1);
  });
});

describe("the outbox in the admin UI", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("shows what failed and why, and puts it back in the queue for admins only; a message that went cannot be sent again", async () => {
    const { w, ui, rows, deliverTo } = await announced();
    const refusing = await startSmtpSink({ rejectRecipients: /dupont/ });
    expect(await deliverTo(refusing)).toMatchObject({ failed: 1 });
    const failed = (await rows()).find((m) => m.recipient === DUPONT);
    expect(failed?.status).toBe("failed");

    const admin = await ui.signIn("admin");
    const list = await (await ui.get("/admin/outbox?status=failed", admin)).text();
    expect(list).toContain(DUPONT);
    expect(list).toContain("Mailbox does not exist");
    expect(list).toContain(`action="/admin/outbox/${failed?.id}/retry"`);
    expect(list).not.toContain(PEETERS);
    const editor = await ui.signIn("editor");
    expect((await ui.post(`/admin/outbox/${failed?.id}/retry`, {}, editor)).status).toBe(403);

    const retried = await follow(ui, await ui.post(`/admin/outbox/${failed?.id}/retry`, {}, admin), admin);
    expect(retried.location).toBe(`/admin/outbox/${failed?.id}`);
    expect(retried.html).toContain(`Back in the queue: the message to ${DUPONT} goes with the next delivery run.`);
    expect((await rows()).find((m) => m.id === failed?.id)).toMatchObject({ status: "pending", attempts: 0 });

    const accepting = await startSmtpSink();
    expect(await deliverTo(accepting)).toMatchObject({ sent: 1, failed: 0 });
    expect((await accepting.waitForMessages(1)).map((m) => m.to)).toEqual([[DUPONT]]);

    // Sent, it is not sent again: 409, and nothing changes.
    const before = await snapshot(w.store);
    const again = await w.t.request("POST", `/api/v1/outbox/${failed?.id}/retry`);
    expect(again.status).toBe(409);
    expect(await snapshot(w.store)).toEqual(before);
    expect((await w.t.request("POST", "/api/v1/outbox/01a24fc5-b200-770d-b0fb-000000000000/retry")).status).toBe(404);
  });
});

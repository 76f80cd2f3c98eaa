// An activity's review date and impact assessment: validated, reminded to the DPO once per date,
// listed on the dashboard. Run under several host time zones by `npm test`.
import { describe, expect, it } from "vitest";
import { deliverDueMessages } from "../../src/core/outbox/deliver-outbox.ts";
import { createSmtpMailer } from "../../src/platform/node/smtp-mailer.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { changeWorld, runLifecycle } from "../helpers/changes.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { startSmtpSink } from "../helpers/smtp.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";

stopStartedAfterEach();

const fields = async (response: Response) => (await bodyOf<{ errors?: { field: string }[] }>(response)).errors?.map((e) => e.field);

describe("activity reviews and impact assessments", () => {
  it("refuses an assessment without its reference or reason, reminds the DPO once per review date, and lists what is due", async () => {
    // 20 November 2026.
    const w = await changeWorld();
    const patch = (id: string, body: unknown) => w.t.request("PATCH", `/api/v1/activities/${id}`, { body });
    const before = await snapshot(w.store);
    const noReference = await patch(w.maintenance, { dpia: { kind: "done" } });
    expect([noReference.status, await fields(noReference)]).toEqual([422, ["dpia.reference"]]);
    const noReason = await patch(w.maintenance, { dpia: { kind: "not_required" } });
    expect([noReason.status, await fields(noReason)]).toEqual([422, ["dpia.reason"]]);
    const badDate = await patch(w.maintenance, { nextReviewOn: "1 December" });
    expect([badDate.status, await fields(badDate)]).toEqual([422, ["nextReviewOn"]]);
    expect(await snapshot(w.store)).toEqual(before);

    expect((await patch(w.maintenance, { nextReviewOn: "2026-12-01", dpia: { kind: "required" } })).status).toBe(200);
    const access = await patch(w.access, {
      nextReviewOn: "2027-06-01",
      dpia: { kind: "done", reference: "DPIA-2025-04", doneOn: "2025-04-01" },
    });
    expect(await bodyOf(access)).toMatchObject({ nextReviewOn: "2027-06-01", dpia: { kind: "done", reference: "DPIA-2025-04" } });

    // Within 14 days of 1 December: reminded once.
    expect((await runLifecycle(w.t)).reviews.reminded).toEqual([w.maintenance]);
    expect((await runLifecycle(w.t)).reviews.reminded).toEqual([]);
    const sink = await startSmtpSink();
    await deliverDueMessages({ store: w.store, mailer: createSmtpMailer({ url: sink.url, from: "register@dpa.example" }), clock: w.clock });
    const [mail] = (await sink.waitForMessages(1)).filter((m) => m.subject?.startsWith("Herziening gepland"));
    expect(mail?.subject).toMatch(/^Herziening gepland: verwerkingsactiviteit .+, op 1 december 2026$/);
    expect(mail?.text).toContain("De gegevensbeschermingseffectbeoordeling (art. 35) moet nog gebeuren.");
    expect(mail?.text).toContain(`Activiteit ${w.maintenance}.`);

    // A review moved to another date is reminded again for that date.
    expect((await patch(w.maintenance, { nextReviewOn: "2026-12-03" })).status).toBe(200);
    expect((await runLifecycle(w.t)).reviews.reminded).toEqual([w.maintenance]);

    const ui = await makeAdminUi(w.store, w.clock);
    const dashboard = await (await ui.get("/admin", await ui.signIn("read-only"))).text();
    const section = dashboard.slice(
      dashboard.indexOf("<h2>Reviews and impact assessments</h2>"),
      dashboard.indexOf("<h2>Certifications expiring</h2>"),
    );
    expect(section).toContain(`/admin/activities/${w.maintenance}`);
    expect(section).toContain("3 December 2026");
    expect(section).toContain("required, not done");
    expect(section).not.toContain(`/admin/activities/${w.access}`);
    expect(await bodyOf(await w.t.request("POST", "/api/v1/verifications"))).toMatchObject({ ok: true, problems: [] });
  });
});

// Recording a customer's audit and its schedule through the admin UI's forms (no script).
import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/core/kernel/i18n/localise.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, flashOf, follow, signedIn } from "./register-form-reader.ts";

describe("customer audits in the admin UI", () => {
  it("records a request beside its agreement, refuses an early schedule without a reason, and schedules it with one", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const agreementPage = await (await ui.get("/admin/agreements/CF-DPA-2024-001", session)).text();
    expect(agreementPage).toContain("<h2>Audits by the customer</h2>");
    expect(agreementPage).toContain("Notice period: 15 calendar days.");
    const newHref = /href="(\/admin\/agreements\/[0-9a-f-]{36}\/audits\/new)"/.exec(agreementPage)?.[1] ?? "";
    const action = newHref.replace(/\/new$/, "");

    const before = await snapshot(store);
    const missing = await ui.post(action, { scope: "", proposedStart: "2030-01-07" }, session);
    expect(missing.status).toBe(422);
    expect(errorBeside(await missing.text(), "scope")).toBe("Required.");
    expect(await snapshot(store)).toEqual(before);

    // Tomorrow is short notice under a 15-day notice period, whatever today is.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const recorded = await follow(
      ui,
      await ui.post(action, { scope: "Hosting controls", proposedStart: tomorrow, auditor: "Audit BV" }, session),
      session,
    );
    expect(flashOf(recorded.html)).toMatch(/^Recorded\. Short notice: the audit may start from \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(recorded.html).toContain('<span class="badge warn">short notice</span>');

    const early = await ui.post(`${recorded.location}/schedule`, { "schedule.scheduledOn": tomorrow }, session);
    expect(early.status).toBe(422);
    expect(errorBeside(await early.text(), "schedule.scheduledOn")).toMatch(/^The notice allows the audit from \d{4}-\d\d-\d\d/);
    const scheduled = await follow(
      ui,
      await ui.post(
        `${recorded.location}/schedule`,
        { "schedule.scheduledOn": tomorrow, "schedule.earlierBecause": "Agreed by phone" },
        session,
      ),
      session,
    );
    expect(scheduled.html).toContain(
      `<dt>Scheduled</dt><dd>${formatDate(tomorrow, "en")}<br><span class="hint">earlier than the notice allows: Agreed by phone</span></dd>`,
    );

    const reader = await ui.signIn("read-only");
    const readerView = await (await ui.get(recorded.location, reader)).text();
    expect(readerView).toContain("Hosting controls");
    expect(readerView).not.toContain(`action="${recorded.location}/schedule"`);
    expect(scheduled.html).toContain(`action="${recorded.location}/schedule"`);
    const dashboard = await (await ui.get("/admin", reader)).text();
    expect(dashboard).toContain("<h2>Audits by customers</h2>");
    expect(dashboard).toContain(recorded.location);
  });
});

// Recording a personal data breach through the admin UI's form (no script), and what follows.
import { describe, expect, it } from "vitest";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, fill, flashOf, follow, readForm, signedIn } from "./register-form-reader.ts";

describe("personal data breaches in the admin UI", () => {
  it("refuses a breach that names nothing involved, then records one, notifies, and sends an update", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const form = await (await ui.get("/admin/breaches/new", session)).text();
    const vendor = /<input type="checkbox" id="[^"]+" name="subProcessorIds" value="([0-9a-f-]{36})"><label for="[^"]+">IxorDocs/.exec(
      form,
    )?.[1];
    expect(vendor).toBeDefined();
    const fields = {
      summary: "Scanned invoices were readable through a misconfigured bucket.",
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 16),
      likelyConsequences: "IBANs may have been read.",
      measuresTaken: "The bucket was closed.",
    };

    const before = await snapshot(store);
    const nothingNamed = await ui.post("/admin/breaches", fields, session);
    expect(nothingNamed.status).toBe(422);
    expect(errorBeside(await nothingNamed.text(), "activityIds")).toMatch(/^Name the processing activities or the sub-processors involved/);
    expect(await snapshot(store)).toEqual(before);

    const recorded = await follow(ui, await ui.post("/admin/breaches", { ...fields, subProcessorIds: vendor ?? "" }, session), session);
    expect(recorded.location).toMatch(/^\/admin\/breaches\/[0-9a-f-]{36}$/);
    expect(flashOf(recorded.html)).toBe("Recorded; the customers are not notified yet.");
    expect(recorded.html).toContain("<h2>Duties to notify</h2>");
    expect(recorded.html).toContain('<span class="badge">Open</span>');

    const notified = await follow(ui, await ui.post(`${recorded.location}/notification`, {}, session), session);
    expect(flashOf(notified.html)).toBe("The customers are notified.");
    expect(notified.html).not.toContain('<span class="badge">Open</span>');
    const updated = await follow(
      ui,
      await ui.post(`${recorded.location}/updates`, { "updates.text": "No download happened." }, session),
      session,
    );
    expect(updated.html).toContain("No download happened.");

    const reader = await ui.signIn("read-only");
    const list = await (await ui.get("/admin/breaches", reader)).text();
    expect(list).toContain(recorded.location);
    expect(list).not.toContain("Record a breach");
  });
});

describe("an agreement's breach clock in the admin UI", () => {
  it("is set in hours through the agreement's form and kept when the form is saved again", async () => {
    const { ui, session } = await signedIn("editor", { demo: true });
    const page = await (await ui.get("/admin/agreements/CF-DPA-2024-001", session)).text();
    const id = /href="\/admin\/agreements\/([0-9a-f-]{36})\/edit"/.exec(page)?.[1] ?? "";
    const form = readForm(await (await ui.get(`/admin/agreements/${id}/edit`, session)).text());
    const saved = await follow(
      ui,
      await ui.post(form.action, fill(form, { "Length (breach notification)": "48", "Unit (breach notification)": "hours" }), session),
      session,
    );
    expect(saved.html).toContain("Breach notification");
    const again = readForm(await (await ui.get(`/admin/agreements/${id}/edit`, session)).text());
    expect([again.values["clocks.breachNotification.length"], again.values["clocks.breachNotification.unit"]]).toEqual(["48", "hours"]);
  });
});

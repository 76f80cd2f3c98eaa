// Proposing, announcing and withdrawing a change of the terms through the admin UI's forms (no script).
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, flashOf, follow, signedIn } from "./register-form-reader.ts";

const FIELDS = {
  version: "2027.1",
  "summary.en": "Invoices are payable within 30 days.",
  "summary.nl": "Facturen zijn betaalbaar binnen 30 dagen.",
  "documents.0.title": "General terms 2027.1",
  "documents.0.url": "https://clearfacts.example/terms/2027.1",
};

describe("terms changes in the admin UI", () => {
  it("refuses an effective date inside the windows beside its field, then proposes, announces to every agreement in force, and withdraws", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const form = await (await ui.get("/admin/terms-changes/new", session)).text();
    expect(form).toContain("CF-DPA-2024-001 (Boekhoudkantoor Peeters BV)");

    const before = await snapshot(store);
    // The demo agreements count two months (ClearFacts art. 11): a date next week is too early.
    const tooSoon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const refused = await ui.post("/admin/terms-changes", { ...FIELDS, effectiveOn: tooSoon, announce: "true" }, session);
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(errorBeside(page, "effectiveOn")).toMatch(
      /^The new terms may apply from \d{4}-\d{2}-\d{2} at the earliest: the window of agreement CF-DPA-/,
    );
    expect(page).toContain(">Invoices are payable within 30 days.</textarea>"); // what was typed is kept
    expect(await snapshot(store)).toEqual(before);

    const later = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    const proposed = await follow(ui, await ui.post("/admin/terms-changes", { ...FIELDS, effectiveOn: later }, session), session);
    expect(flashOf(proposed.html)).toBe("Proposed; not announced yet.");
    expect(proposed.html).toContain("Not announced yet: no customer has been told.");

    const announced = await follow(ui, await ui.post(`${proposed.location}/announce`, { "announce.effectiveOn": later }, session), session);
    expect(flashOf(announced.html)).toBe("Announced: the customers are told.");
    for (const reference of ["CF-DPA-2024-001", "CF-DPA-2024-002", "CF-DPA-2025-003"]) expect(announced.html).toContain(reference);
    const notices = (await store.db.select().from(outbox)).filter((m) => m.kind === "terms_notice");
    expect(notices).toHaveLength(3);

    const blank = await ui.post(`${proposed.location}/withdraw`, { "withdraw.reason": " " }, session);
    expect(blank.status).toBe(422);
    const withdrawn = await follow(
      ui,
      await ui.post(`${proposed.location}/withdraw`, { "withdraw.reason": "Wording reviewed." }, session),
      session,
    );
    expect(flashOf(withdrawn.html)).toBe("Withdrawn: the customers who were told are told it is withdrawn.");
    expect((await store.db.select().from(outbox)).filter((m) => m.kind === "terms_withdrawn")).toHaveLength(3);

    const reader = await ui.signIn("read-only");
    const list = await (await ui.get("/admin/terms-changes", reader)).text();
    expect(list).toContain("Terms version 2027.1");
    expect(list).toContain("Withdrawn");
    expect(list).not.toContain("Propose a change of the terms");
  });
});

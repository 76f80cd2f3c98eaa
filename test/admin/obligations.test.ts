// Ending an agreement and closing the duties it starts, through the admin UI's forms (no script).
import { describe, expect, it } from "vitest";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, flashOf, follow, signedIn } from "./register-form-reader.ts";

/** The href of the first link to a duty's page. */
const dutyHref = (page: string) => /href="(\/admin\/obligations\/[0-9a-f-]{36})"/.exec(page)?.[1] ?? "";

describe("terminating an agreement in the admin UI", () => {
  it("says what the end starts, refuses a missing date beside the field, and lists the duties once ended", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const agreementPage = await (await ui.get("/admin/agreements/CF-DPA-2024-001", session)).text();
    const agreementId = /href="\/admin\/agreements\/([0-9a-f-]{36})\/terminate"/.exec(agreementPage)?.[1];
    expect(agreementId).toBeDefined();
    const form = await (await ui.get(`/admin/agreements/${agreementId}/terminate`, session)).text();
    expect(form).toContain("<li>Delete or return the customer&#39;s personal data: within 3 months after the end</li>");

    const before = await snapshot(store);
    const missing = await ui.post(`/admin/agreements/${agreementId}/terminate`, { endedOn: "", reason: "Customer left" }, session);
    expect(missing.status).toBe(422);
    const refused = await missing.text();
    expect(errorBeside(refused, "endedOn")).toBe("Required.");
    expect(refused).toContain(">Customer left</textarea>");
    expect(await snapshot(store)).toEqual(before);

    const ended = await follow(
      ui,
      await ui.post(
        `/admin/agreements/${agreementId}/terminate`,
        { endedOn: "2026-11-20", reason: "Customer left", owner: "Ops" },
        session,
      ),
      session,
    );
    expect(ended.location).toBe(`/admin/agreements/${agreementId}`);
    expect(flashOf(ended.html)).toBe("Agreement CF-DPA-2024-001 ends on 20 November 2026; 1 duty started.");
    expect(ended.html).toContain("<h2>Duties after termination</h2><p>The agreement ended on 20 November 2026.</p>");
    // 3 months after 20 November 2026: 20 February 2027 is a Saturday, so Monday 22 February.
    expect(ended.html).toContain("22 February 2027");
    expect(ended.html).not.toContain("/terminate");

    const again = await ui.post(`/admin/agreements/${agreementId}/terminate`, { endedOn: "2026-11-21" }, session);
    expect(again.status).toBe(409);
    expect(errorBeside(await again.text(), "endedOn")).toBe("Agreement CF-DPA-2024-001 was already terminated (it ended on 2026-11-20).");
  });

  it("offers a reader no forms, and records a duty done with its evidence, refusing it without", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const agreementPage = await (await ui.get("/admin/agreements/CF-DPA-2024-002", session)).text();
    const agreementId = /href="\/admin\/agreements\/([0-9a-f-]{36})\/terminate"/.exec(agreementPage)?.[1];
    const ended = await follow(
      ui,
      await ui.post(`/admin/agreements/${agreementId}/terminate`, { endedOn: "2026-11-20" }, session),
      session,
    );
    const href = dutyHref(ended.html);
    const duty = await (await ui.get(href, session)).text();
    expect(duty).toContain("<dt>Responsible</dt><dd>not named</dd>");
    const reader = await ui.signIn("read-only");
    const readOnlyView = await (await ui.get(href, reader)).text();
    for (const step of ["completion", "waiver", "owner"]) {
      expect(duty).toContain(`action="${href}/${step}"`);
      expect(readOnlyView).not.toContain(`action="${href}/${step}"`);
    }

    const before = await snapshot(store);
    const empty = await ui.post(`${href}/completion`, { "completion.evidence.reference": "" }, session);
    expect(empty.status).toBe(422);
    expect(errorBeside(await empty.text(), "completion.evidence.reference")).toBe("Required.");
    expect(await snapshot(store)).toEqual(before);

    const owner = await follow(ui, await ui.post(`${href}/owner`, { "owner.owner": "Legal team" }, session), session);
    expect(owner.html).toContain("<dt>Responsible</dt><dd>Legal team</dd>");
    const done = await follow(
      ui,
      await ui.post(
        `${href}/completion`,
        { "completion.evidence.reference": "CERT-2026-118", "completion.evidence.date": "2026-12-01" },
        session,
      ),
      session,
    );
    expect(flashOf(done.html)).toBe("Recorded done, with its evidence.");
    expect(done.html).toContain("CERT-2026-118 (1 December 2026)");
    expect(done.html).toContain('<span class="badge">Done</span>');
    expect(done.html).not.toContain(`action="${href}/waiver"`);

    const waived = await ui.post(`${href}/waiver`, { "waiver.reason": "No longer needed" }, session);
    expect(waived.status).toBe(409);
    expect(await waived.text()).toContain("was already recorded done");

    const list = await (await ui.get("/admin/obligations?status=done", reader)).text();
    expect(list).toContain("CF-DPA-2024-002");
  });
});

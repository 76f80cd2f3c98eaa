// Joint controllers (Art. 26) in the Art. 30(1)(a) item: the organisation's, for all its processing,
// and an activity's own, in the record as HTML, CSV and PDF, and kept by the admin forms.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { changeWorld } from "../helpers/changes.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { fill, follow, readForm, withRows } from "../admin/register-form-reader.ts";

const GROUP = {
  legalName: "ClearFacts Group NV",
  address: { street: "Kortrijksesteenweg 1", postalCode: "9000", city: "Gent", country: "BE" },
  contact: { name: "Group DPO", email: "dpo@group.example" },
  arrangement: { en: "The group answers data subjects' requests.", nl: "De groep beantwoordt verzoeken van betrokkenen." },
};
const PARTNER = { legalName: "Events Partner BV", contact: { email: "privacy@partner.example" } };

describe("joint controllers in the Art. 30(1) record", () => {
  it("prints the organisation's and the activity's own in item (a), in every format", async () => {
    const w = await changeWorld();
    const organisation = await bodyOf<Record<string, unknown>>(await w.t.request("GET", "/api/v1/organisation"));
    const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, ...profile } = organisation;
    const put = await w.t.request("PUT", "/api/v1/organisation", { body: { ...profile, jointControllers: [GROUP] } });
    expect(put.status, await put.clone().text()).toBe(200);
    const created = await w.t.request("POST", "/api/v1/activities", {
      body: {
        role: "controller",
        name: { en: "Customer events" },
        purposes: [{ en: "Invite customers to events" }],
        legalBasis: "legitimate_interests",
        status: "active",
        jointControllers: [PARTNER],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);

    const group =
      "ClearFacts Group NV; Kortrijksesteenweg 1, 9000 Gent, Belgium; Group DPO, dpo@group.example; arrangement: The group answers data subjects&#x27; requests.";
    const html = await (await w.t.request("GET", "/api/v1/documents/art30-controller?format=html&lang=en")).text();
    const itemA = html.slice(html.indexOf('<section id="item-a">'), html.indexOf('<section id="activities">'));
    expect(itemA).toContain("<h3>Joint controllers of all processing (Art. 26)</h3>");
    expect(itemA).toContain(`<li>${group}</li>`);
    // The demo's own controller activity gets the organisation's; the new one the organisation's and its own.
    // In the grid, the activity's row names them under its name.
    const events = html.slice(
      html.indexOf("<strong>Customer events</strong>"),
      html.indexOf("</tr>", html.indexOf("<strong>Customer events</strong>")),
    );
    expect(events).toContain(
      `<p>(a) Joint controllers (Art. 26):</p><ul><li>${group}</li><li>Events Partner BV; privacy@partner.example</li></ul>`,
    );
    expect(html.split(`<li>${group}</li>`).length - 1).toBe(3);

    const csv = parse(await (await w.t.request("GET", "/api/v1/documents/art30-controller?format=csv&lang=en")).text(), {
      bom: true,
    }) as string[][];
    const row = csv.find((r) => r.includes("Customer events"));
    expect(row?.[1]).toContain("Joint controller: Events Partner BV; privacy@partner.example");
    expect(row?.[1]).toContain("Joint controller: ClearFacts Group NV;");

    const pdf = await w.t.request("GET", "/api/v1/documents/art30-controller?format=pdf&lang=nl");
    const text = flat(pdfText(new Uint8Array(await pdf.arrayBuffer())));
    expect(text).toContain("Gezamenlijke verwerkingsverantwoordelijken voor alle verwerkingen (art. 26)");
    expect(text).toContain("regeling: De groep beantwoordt verzoeken van betrokkenen.");
    expect(text).toContain("Events Partner BV");
    expect(await bodyOf(await w.t.request("POST", "/api/v1/verifications"))).toMatchObject({ ok: true, problems: [] });
  });

  it("are kept when the organisation's form is saved again, and added through it", async () => {
    const w = await changeWorld();
    const organisation = await bodyOf<Record<string, unknown>>(await w.t.request("GET", "/api/v1/organisation"));
    const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, ...profile } = organisation;
    expect((await w.t.request("PUT", "/api/v1/organisation", { body: { ...profile, jointControllers: [GROUP] } })).status).toBe(200);
    const ui = await makeAdminUi(w.store, w.clock);
    const session = await ui.signIn("editor");
    const edit = await (await ui.get("/admin/organisation/edit", session)).text();
    const form = readForm(await withRows(ui, session, edit, { jointControllers: 1 }));
    const saved = await follow(
      ui,
      await ui.post(
        form.action,
        fill(form, {
          "Legal name (joint controller 2, required)": "Events Partner BV",
          "E-mail address (contact, joint controller 2, required)": "privacy@partner.example",
        }),
        session,
      ),
      session,
    );
    expect(saved.status).toBe(200);
    const after = await bodyOf<{ jointControllers: unknown[] }>(await w.t.request("GET", "/api/v1/organisation"));
    expect(after.jointControllers).toEqual([GROUP, PARTNER]);
  });
});

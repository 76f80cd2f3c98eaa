// Register forms that fit on a screen (issue: the activity form was 15,300 px tall, every text three
// times, fixed blank rows, countries as free codes, one Save button at the very bottom). Without
// JavaScript: the language switch and the "Add"/"Remove" buttons post the form, which comes back
// as typed and saves nothing. The browser journeys measure the height (test/e2e/journeys.test.ts).
import { describe, expect, it } from "vitest";
import { snapshot } from "../helpers/snapshot.ts";
import { fill, flashOf, follow, nameOfLabel, readForm, signedIn, withRows } from "./register-form-reader.ts";

/** The lang-input block of one language of a field, as the page has it. */
const langBlock = (html: string, name: string) =>
  new RegExp(
    `<div class="lang-input" data-lang="${name.split(".").at(-1)}"( hidden)?><div class="field">\\s*<label for="[^"]+">[\\s\\S]*?</label>[\\s\\S]*?name="${name}"`,
  ).exec(html);

describe("a register form without JavaScript", () => {
  it("switches the language texts are typed in, keeping what was typed and saving nothing", async () => {
    const { ui, session, store } = await signedIn("editor");
    const form = readForm(await (await ui.get("/admin/data-categories/new", session)).text());
    // English is shown, the other languages' inputs are in the form, hidden.
    expect(langBlock(form.html, "name.en")?.[1]).toBeUndefined();
    expect(langBlock(form.html, "name.nl")?.[1]).toBe(" hidden");
    const before = await snapshot(store);

    const switched = await ui.post(form.action, { ...fill(form, { "Name (English)": "Payslips" }), _lang: "nl" }, session);
    expect(switched.status).toBe(200);
    const dutch = readForm(await switched.text());
    expect(await snapshot(store)).toEqual(before);
    expect(dutch.values["name.en"]).toBe("Payslips");
    expect(dutch.values._formlang).toBe("nl");
    expect(langBlock(dutch.html, "name.nl")?.[1]).toBeUndefined();
    expect(langBlock(dutch.html, "name.en")?.[1]).toBe(" hidden");
    expect(dutch.html).toContain('aria-pressed="true">Dutch</button>');

    const saved = await follow(ui, await ui.post(dutch.action, fill(dutch, { "Name (Dutch)": "Loonstroken" }), session), session);
    expect(flashOf(saved.html)).toBe("Created.");
    expect(saved.html).toContain("Loonstroken");
    expect(saved.html).toContain("Payslips");
  });

  it("adds rows and removes one, keeping the other rows as typed; a list with no rows shows only its button", async () => {
    const { ui, session, store } = await signedIn("editor");
    const page = await (await ui.get("/admin/activities/new", session)).text();
    expect(page).not.toContain('name="purposes.0.en"');
    expect(page).toContain('<button type="submit" class="secondary small" name="_add" value="purposes">Add purpose</button>');
    const before = await snapshot(store);

    // Two rows added one after the other, both still blank: both are drawn again.
    const two = readForm(await withRows(ui, session, page, { purposes: 2 }));
    expect(Object.keys(two.values).filter((name) => /^purposes\.\d+\.en$/.test(name))).toEqual(["purposes.0.en", "purposes.1.en"]);
    const typed = fill(two, { "Purpose 1 (English)": "Pay employees", "Purpose 2 (English)": "Report to the tax office" });

    const removed = await ui.post(two.action, { ...typed, _remove: "purposes.0" }, session);
    expect(removed.status).toBe(200);
    const left = readForm(await removed.text());
    expect(left.values["purposes.0.en"]).toBe("Report to the tax office");
    expect(left.values["purposes.1.en"]).toBeUndefined();
    expect(await snapshot(store)).toEqual(before);
  });

  it("draws the demo activity with its rows only, one language, the chosen retention rule's fields, countries by name, Save first", async () => {
    const { ui, session } = await signedIn("editor", { demo: true });
    const list = await (await ui.get("/admin/activities", session)).text();
    const href = /href="(\/admin\/activities\/[^"]+)">Maintenance and availability/.exec(list)?.[1];
    const html = await (await ui.get(`${href}/edit`, session)).text();
    const form = readForm(html);
    // No blank rows: the demo activity has no transfers, so there is no transfer control, only the button.
    expect(html).not.toContain('name="transfers.0.country"');
    expect(html).toContain('value="transfers">Add transfer</button>');
    // Each data category's retention rule shows its own fields; the other rule's are there for the script to show.
    expect(html).toMatch(/<div class="variant" data-variant-of="dataCategories\.0\.retention\.kind" data-variant="event">/);
    expect(html).toMatch(/<div class="variant" data-variant-of="dataCategories\.0\.retention\.kind" data-variant="period" data-hide>/);
    // Rows shaped like the first are compact: their labels are for screen readers, the first row's head the columns.
    expect(html).toContain('<fieldset class="group row compact" id="f-dataCategories-1"');
    expect(nameOfLabel(html, "Category (data category 2)")).toBe("dataCategories.1.dataCategoryId");
    // Enter in a field presses the first submit button: Save.
    const firstButton = /<form method="post"[^>]*class="register-form">[\s\S]*?<button type="submit"([^>]*)>([^<]*)<\/button>/.exec(html);
    expect(firstButton?.[2]).toBe("Save");
    expect(form.values._formlang).toBe("en");

    const vendor = await (await ui.get("/admin/sub-processors/new", session)).text();
    const withLocation = await withRows(ui, session, vendor, { locations: 1 });
    expect(withLocation).toMatch(
      /<select id="f-locations-0-country" name="locations\.0\.country"[^>]*>[\s\S]*<option value="DE">Germany<\/option>/,
    );
  });
});

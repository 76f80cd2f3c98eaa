import { readFileSync } from "node:fs";
import { and, count, eq, like, min } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { changeNotices, dataCategories, outbox } from "../../db/schema.ts";
import { formatDate } from "../../src/core/kernel/i18n/localise.ts";
import { wordsOf } from "../helpers/catalogue.ts";
import { expectHeading, SCREENSHOTS, shot, signIn, START, startWorld, textOf, watchCsp, type World } from "./harness.ts";
import { type JourneyScript, SCRIPTS } from "./journey-scripts.ts";

/**
 * The DPO's main journeys, walked in headless Chromium like a person would:
 * labelled fields, buttons by their names, what the page then says. They
 * build on each other (the sub-processor proposed in 4 is objected to in 5
 * and decided on in 6), so they run in order in one browser session, under
 * the app's real Content-Security-Policy. They run twice, each in its own
 * register and browser: for a DPO whose browser asks for English, and for one
 * whose browser asks for Dutch (journey-scripts.ts spells out what each reads
 * and types); the customer's side (5) is in the agreement's language, Dutch,
 * either way. Screenshots go to test-results/screenshots/<language>.
 */
const VENDOR = "Klippa OCR GmbH";

/** Whole days from the test clock's today (20 November 2026) to an ISO date. */
const daysFromToday = (isoDate: string) => Math.round((Date.parse(isoDate) - Date.parse(START.slice(0, 10))) / 86_400_000);

/** "7 december 2026", as the page of a customer whose agreement is in Dutch writes dates. */
const longDutchDate = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

describe.each(Object.values(SCRIPTS))("the DPO's journeys in the browser, in $lang", (script: JourneyScript) => {
  const w = wordsOf(script.lang);
  let world: World;
  let admin: BrowserContext;
  let page: Page;
  const cspErrors: string[] = [];
  const snap = (p: Page, name: string) => shot(p, `${script.lang}/${name}`);

  beforeAll(async () => {
    world = await startWorld();
    admin = await world.newContext({ locale: script.locale });
    page = await admin.newPage();
    watchCsp(page, cspErrors);
    await signIn(page);
  });
  afterAll(async () => {
    await world?.close();
  });

  async function dataCategoryRows(): Promise<number> {
    const [row] = await world.store.db.select({ n: count() }).from(dataCategories);
    return row?.n ?? 0;
  }

  /** Follows a link of the main navigation. */
  async function navigate(name: string): Promise<void> {
    await page
      .getByRole("navigation", { name: w("admin.common.mainNav") })
      .getByRole("link", { name, exact: true })
      .click();
    await expectHeading(page, name);
  }

  /** Clicks a submit button and waits for the page it leads to. */
  async function submit(buttonName: string): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()),
      page.getByRole("button", { name: buttonName, exact: true }).click(),
    ]);
    await page.waitForLoadState("domcontentloaded");
    return response.status();
  }

  test("2. adds a data category and an activity, which then appear in their lists", async () => {
    const { dataCategory: dc, activity: act } = script;
    await navigate(w("admin.common.nav.dataCategories"));
    await page.getByRole("link", { name: w("admin.register.kind.data-categories.add") }).click();
    await expectHeading(page, w("admin.register.kind.data-categories.new"));
    // The form opens in the page's language.
    await page.getByLabel(dc.name[0]).fill(dc.name[1]);
    await page.getByLabel(dc.description[0]).fill(dc.description[1]);
    // One language at a time: the switch shows the other language's inputs in the page, keeping what was typed.
    await page
      .getByRole("group", { name: w("admin.register.form.textsLanguage") })
      .getByRole("button", { name: dc.otherLanguage })
      .click();
    expect(await page.getByLabel(dc.name[0]).isVisible()).toBe(false);
    await page.getByLabel(dc.otherName[0]).fill(dc.otherName[1]);
    await snap(page, "02-data-category-form");
    await submit(w("admin.common.save"));
    await expectHeading(page, dc.name[1]);
    expect(await page.getByRole("status").innerText()).toContain(w("admin.register.flash.created"));
    expect(await textOf(page)).toContain(dc.otherName[1]);
    await snap(page, "02-data-category-created");

    await navigate(w("admin.common.nav.dataCategories"));
    await page.getByRole("link", { name: dc.name[1] }).waitFor();
    await snap(page, "02-data-categories-list");

    await navigate(w("admin.common.nav.activities"));
    await page.getByRole("link", { name: w("admin.register.kind.activities.add") }).click();
    await expectHeading(page, w("admin.register.kind.activities.new"));
    await page.getByLabel(act.name[0]).fill(act.name[1]);
    await page.getByLabel(act.role).selectOption({ label: w("role.processor") });
    // A list starts empty; its button adds a row (a post that saves nothing, the form coming back as typed).
    expect(await submit(w("admin.forms.item.dataCategory.add"))).toBe(200);
    expect(await page.getByLabel(act.name[0]).inputValue()).toBe(act.name[1]);
    await page.getByLabel(act.category).selectOption({ label: dc.name[1] });
    // The retention rule's own fields show once it is chosen.
    expect(await page.getByLabel(act.length).isVisible()).toBe(false);
    await page.getByLabel(act.retention).selectOption({ label: w("admin.forms.retention.kind.period") });
    expect(await page.getByLabel(act.length).isVisible()).toBe(true);
    await page.getByLabel(act.length).fill("10");
    await page.getByLabel(act.unit).selectOption({ label: w("admin.forms.unit.years") });
    await snap(page, "02-activity-form");
    await submit(w("admin.common.save"));
    await expectHeading(page, act.name[1]);
    expect(await textOf(page)).toContain(dc.name[1]);
    expect(await textOf(page)).toContain(act.tenYears);
    await snap(page, "02-activity-created");

    await navigate(w("admin.common.nav.activities"));
    await page.getByRole("link", { name: act.name[1] }).waitFor();
    await snap(page, "02-activities-list");
  });

  test("2b. the demo activity's form fits in three screens at 1280 x 800, its Save button always in reach", async () => {
    const wide = await world.newContext({ viewport: { width: 1280, height: 800 }, locale: script.locale });
    try {
      const tab = await wide.newPage();
      await signIn(tab);
      await tab.goto("/admin/activities");
      await tab.getByRole("link", { name: script.maintenance }).click();
      await tab.getByRole("link", { name: w("admin.common.edit"), exact: true }).click();
      await expectHeading(tab, w("admin.register.form.editTitle", { title: script.maintenance }));
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      expect(height, "page height in px").toBeLessThanOrEqual(3 * 800);
      // At the top of the page, the Save button is on screen already (it sticks to the foot of the window).
      const save = await tab.getByRole("button", { name: w("admin.common.save"), exact: true }).boundingBox();
      expect(save && save.y + save.height).toBeLessThanOrEqual(800);
      await snap(tab, "02-activity-edit-1280x800");
    } finally {
      await wide.close();
    }
  });

  test("3. a validation error is shown beside the field, with what was typed, and nothing is saved", async () => {
    const rowsBefore = await dataCategoryRows();
    await page.goto("/admin/data-categories");
    const listedBefore = await page.getByRole("row").count();

    await page.getByRole("link", { name: w("admin.register.kind.data-categories.add") }).click();
    await page.getByLabel(script.dataCategory.description[0]).fill(script.unnamedCategory);
    expect(await submit(w("admin.common.save"))).toBe(422);
    await expectHeading(page, w("admin.register.kind.data-categories.new"));
    // The summary at the top says nothing was saved and links to the field…
    const summary = page.getByRole("alert");
    expect(await summary.innerText()).toContain(w("admin.common.errorSummary"));
    // …and the message stands inside the name's own group, beside its fields, in the page's language.
    const message = w("admin.core.giveText");
    await page
      .getByRole("group", { name: new RegExp(`^${w("admin.forms.dataCategory.name")}`) })
      .getByText(message)
      .waitFor();
    expect(await page.getByRole("group", { name: new RegExp(`^${w("admin.forms.dataCategory.description")}`) }).innerText()).not.toContain(
      message,
    );
    expect(await page.getByLabel(script.dataCategory.description[0]).inputValue()).toBe(script.unnamedCategory);
    await snap(page, "03-validation-error");

    expect(await dataCategoryRows()).toBe(rowsBefore);
    await page.goto("/admin/data-categories");
    expect(await page.getByRole("row").count()).toBe(listedBefore);
  });

  test("4. proposes a new sub-processor, announces it and sees its objection window with days left on the dashboard", async () => {
    const germany = script.germany;
    await page
      .getByRole("navigation", { name: w("admin.common.mainNav") })
      .getByRole("link", { name: w("admin.common.nav.changes"), exact: true })
      .click();
    await expectHeading(page, w("admin.changes.title"));
    await page.getByRole("link", { name: w("admin.changes.list.propose") }).click();
    await expectHeading(page, w("admin.changes.form.title"));
    await page.getByLabel(w("admin.changes.form.vendorName")).fill(VENDOR);
    await page.getByLabel(w("admin.changes.form.street")).fill("Friedrichstraße 10");
    await page.getByLabel(w("admin.changes.form.postalCode")).fill("10117");
    await page.getByLabel(w("admin.changes.form.city")).fill("Berlin");
    await page.getByLabel(w("admin.changes.form.addressCountry")).selectOption({ label: germany });
    await page.getByLabel(w("admin.changes.form.contactName")).fill("Privacy Team");
    await page.getByLabel(w("admin.changes.form.contactEmail")).fill("privacy@klippa.example");
    await page.getByLabel(w("admin.changes.form.service")).fill(script.service);
    await page.getByLabel(w("admin.changes.form.vendor.country", { n: 1 })).selectOption({ label: germany });
    await page.getByLabel(script.maintenance).check();
    await page.getByLabel(script.reason[0]).fill(script.reason[1]);
    await page.getByLabel(w("admin.changes.fact.intendedStart")).fill("2026-12-08");
    await page.getByLabel(w("admin.changes.form.announce")).check();
    await snap(page, "04-propose-form");
    expect(await submit(w("admin.changes.form.propose"))).toBe(303);
    await expectHeading(page, w("admin.changes.changeTitle", { vendor: VENDOR, kind: w("admin.changes.kind.add") }));
    expect(await page.getByRole("status").innerText()).toMatch(script.announcedFlash);
    await snap(page, "04-change-announced");

    // The dashboard shows each change's first window to close; each agreement has its own notice period.
    const [first] = await world.store.db
      .select({ lastDay: min(changeNotices.lastDay) })
      .from(changeNotices)
      .where(eq(changeNotices.kind, "objection_window"));
    const lastDay = first?.lastDay;
    if (!lastDay) throw new Error("announcing made no objection window");

    await navigate(w("admin.common.nav.dashboard"));
    const windows = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: w("admin.dashboard.windows.daysLeft") }) });
    const row = windows.getByRole("row").filter({ hasText: VENDOR });
    const cells = await row.getByRole("cell").allInnerTexts();
    expect(cells.join(" | ")).toContain(formatDate(lastDay, script.lang));
    expect(cells.join(" | ")).toContain(w("admin.dashboard.days.other", { n: daysFromToday(lastDay) }));
    await snap(page, "04-dashboard-objection-window");
  });

  let agreementReference = "";

  test("5. the customer opens the link from the notice e-mail, without an account, sees the change and the deadline, and objects", async () => {
    const [mail] = await world.store.db
      .select()
      .from(outbox)
      // Peeters' agreement is in Dutch: the customer's side of the journey runs in Dutch, as its e-mail does.
      .where(and(eq(outbox.kind, "change_notice"), eq(outbox.recipient, "an.peeters@peeters.example"), like(outbox.body, "%/object/%")))
      .limit(1);
    const link = /https?:\/\/\S+\/object\/\S+/.exec(mail?.body ?? "")?.[0];
    if (!link) throw new Error(`no objection link in the notice e-mail:\n${mail?.body}`);
    expect(link.startsWith(world.base)).toBe(true);
    const [notice] = await world.store.db
      .select()
      .from(changeNotices)
      .where(eq(changeNotices.id, mail?.relatedId ?? ""));
    if (!notice) throw new Error("the e-mail names no notice");

    // The customer's browser asks for English: the page is in the agreement's language all the same.
    const customer = await world.newContext({ locale: "en-GB" });
    const customerPage = await customer.newPage();
    watchCsp(customerPage, cspErrors);
    await customerPage.goto(link);
    await customerPage.getByRole("heading", { level: 1, name: "Bezwaar maken tegen een wijziging van subverwerkers" }).waitFor();
    expect(await customerPage.locator("html").getAttribute("lang")).toBe("nl");
    const shown = await customerPage.locator("body").innerText();
    expect(shown).toContain(VENDOR);
    // The reason shows as the DPO gave it: in Dutch, or in English when given only in English (register
    // texts fall back; the page's own words do not).
    expect(shown).toContain(script.reason[1]);
    expect(shown).toContain(`U kunt bezwaar maken tot het einde van ${longDutchDate(notice.lastDay)} (${notice.timeZone})`);
    expect(shown).toContain(`Nog ${daysFromToday(notice.lastDay)} dagen.`);
    agreementReference = /verwerkersovereenkomst (\S+) met/.exec(shown)?.[1] ?? "";
    expect(agreementReference).not.toBe("");
    await customerPage.screenshot({ path: `${SCREENSHOTS}/${script.lang}/05-customer-notice.png`, fullPage: true });

    await customerPage
      .getByLabel("Uw redenen voor het bezwaar")
      .fill("Our clients' receipts must not leave Belgium; an OCR vendor in Germany breaks that promise.");
    await customerPage.getByLabel("Uw naam").fill("Jan Peeters");
    await customerPage.getByLabel("Uw e-mailadres").fill("jan.peeters@example.be");
    await customerPage.getByRole("button", { name: "Bezwaar versturen" }).click();
    await customerPage.getByRole("heading", { level: 1, name: "Bezwaar ontvangen" }).waitFor();
    expect(await customerPage.getByRole("status").innerText()).toContain(`onder overeenkomst ${agreementReference} is vastgelegd`);
    expect(await customerPage.locator("body").innerText()).toMatch(/tijdig/i);
    expect(await customerPage.locator("body").innerText()).toContain("binnen de bezwaartermijn");
    await customerPage.screenshot({ path: `${SCREENSHOTS}/${script.lang}/05-objection-received.png`, fullPage: true });
    expect((await customer.cookies()).map((c) => c.name)).not.toContain("__Host-dpa_session");
    await customer.close();
  });

  test("6. the DPO sees the objection on the dashboard, opens it and overrules it; it no longer awaits a decision", async () => {
    expect(agreementReference, "journey 5 must have run").not.toBe("");
    await page.goto("/admin");
    await expectHeading(page, w("admin.dashboard.title"));
    await page.getByRole("heading", { name: w("admin.dashboard.decisions.objections", { n: 1 }) }).waitFor();
    await snap(page, "06-dashboard-objection-awaiting");
    const objectionOf = w("admin.dashboard.decisions.objectionOf", { customer: "CUSTOMER", reference: agreementReference });
    const [before, after] = objectionOf.split("CUSTOMER").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    await page.getByRole("link", { name: new RegExp(`^${before}.*${after}$`) }).click();
    await expectHeading(page, new RegExp(`^${w("admin.changes.objection.title", { customer: "" })}`));
    expect(await textOf(page)).toContain("Our clients' receipts must not leave Belgium");
    await page.getByLabel(w("admin.changes.resolution.overruled")).check();
    await page.getByLabel(w("admin.changes.objection.reason")).fill(script.overruleReason);
    await snap(page, "06-objection-decide");
    expect(await submit(w("admin.changes.objection.record"))).toBe(303);
    expect(await page.getByRole("status").innerText()).toContain(
      w("admin.changes.flash.decisionRecorded", { decision: w("admin.changes.resolution.overruled") }),
    );
    expect(await textOf(page)).toContain(script.overruleReason.slice(0, 30));
    await snap(page, "06-objection-decided");

    await navigate(w("admin.common.nav.dashboard"));
    await page.getByRole("heading", { name: w("admin.dashboard.decisions.objections", { n: 0 }) }).waitFor();
    expect(await textOf(page)).toContain(w("admin.dashboard.decisions.noObjection"));
    await snap(page, "06-dashboard-after-decision");
  });

  test("7. downloads an agreement's annex as a PDF from the documents page", async () => {
    await navigate(w("admin.common.nav.documents"));
    await snap(page, "07-documents");
    const annex = w("admin.documents.name.annex", { reference: "" }).trim();
    const pdfLink = page.getByRole("link", { name: new RegExp(`^${annex} .+ — PDF$`) }).first();
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);
  });

  test("the pages sent a Content-Security-Policy and none of them tripped it", async () => {
    const response = await page.goto("/admin");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(cspErrors).toEqual([]);
  });
});

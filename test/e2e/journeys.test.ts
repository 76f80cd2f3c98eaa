import { readFileSync } from "node:fs";
import { and, count, eq, like, min } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { changeNotices, dataCategories, outbox } from "../../db/schema.ts";
import { expectHeading, SCREENSHOTS, shot, signIn, START, startWorld, textOf, watchCsp, type World } from "./harness.ts";

/**
 * The DPO's main journeys, walked in headless Chromium like a person would:
 * labelled fields, buttons by their names, what the page then says. They
 * build on each other (the sub-processor proposed in 4 is objected to in 5
 * and decided on in 6), so they run in order in one browser session, under
 * the app's real Content-Security-Policy.
 */
let world: World;
let admin: BrowserContext;
let page: Page;
const cspErrors: string[] = [];

const VENDOR = "Klippa OCR GmbH";
const MAINTENANCE = "Maintenance and availability of the ClearFacts application";

beforeAll(async () => {
  world = await startWorld();
  admin = await world.newContext();
  page = await admin.newPage();
  watchCsp(page, cspErrors);
  await signIn(page);
});
afterAll(async () => {
  await world?.close();
});

/** Follows a link of the main navigation. */
async function navigate(name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
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

/** Whole days from the test clock's today (20 November 2026) to an ISO date. */
const daysFromToday = (isoDate: string) => Math.round((Date.parse(isoDate) - Date.parse(START.slice(0, 10))) / 86_400_000);

/** "7 december 2026", as the page of a customer whose agreement is in Dutch writes dates. */
const longDutchDate = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

async function dataCategoryRows(): Promise<number> {
  const [row] = await world.store.db.select({ n: count() }).from(dataCategories);
  return row?.n ?? 0;
}

describe("the DPO's journeys in the browser", () => {
  test("2. adds a data category and an activity, which then appear in their lists", async () => {
    await navigate("Data categories");
    await page.getByRole("link", { name: "Add data category" }).click();
    await expectHeading(page, "New data category");
    await page.getByLabel("Name (English)").fill("Bank account numbers");
    await page.getByLabel("Description (English)").fill("IBANs of the accountants' clients, read from their statements.");
    // One language at a time: the switch shows the Dutch inputs in the page, keeping the English typed.
    await page.getByRole("group", { name: "Language of the texts" }).getByRole("button", { name: "Dutch" }).click();
    expect(await page.getByLabel("Name (English)").isVisible()).toBe(false);
    await page.getByLabel("Name (Dutch)").fill("Bankrekeningnummers");
    await shot(page, "02-data-category-form");
    await submit("Save");
    await expectHeading(page, "Bank account numbers");
    expect(await page.getByRole("status").innerText()).toContain("Created.");
    expect(await textOf(page)).toContain("Bankrekeningnummers");
    await shot(page, "02-data-category-created");

    await navigate("Data categories");
    await page.getByRole("link", { name: "Bank account numbers" }).waitFor();
    await shot(page, "02-data-categories-list");

    await navigate("Activities");
    await page.getByRole("link", { name: "Add activity" }).click();
    await expectHeading(page, "New activity");
    await page.getByLabel("Name (English)").fill("Payment reconciliation");
    await page.getByLabel("Role (required)").selectOption({ label: "Processor" });
    // A list starts empty; its button adds a row (a post that saves nothing, the form coming back as typed).
    expect(await submit("Add data category")).toBe(200);
    expect(await page.getByLabel("Name (English)").inputValue()).toBe("Payment reconciliation");
    await page.getByLabel("Category (data category 1)").selectOption({ label: "Bank account numbers" });
    // The retention rule's own fields show once it is chosen.
    expect(await page.getByLabel("Length (period, data category 1)").isVisible()).toBe(false);
    await page.getByLabel("Retention rule (data category 1)").selectOption({ label: "A fixed period" });
    expect(await page.getByLabel("Length (period, data category 1)").isVisible()).toBe(true);
    await page.getByLabel("Length (period, data category 1)").fill("10");
    await page.getByLabel("Unit (period, data category 1)").selectOption({ label: "Years" });
    await shot(page, "02-activity-form");
    await submit("Save");
    await expectHeading(page, "Payment reconciliation");
    expect(await textOf(page)).toContain("Bank account numbers");
    expect(await textOf(page)).toContain("10 years");
    await shot(page, "02-activity-created");

    await navigate("Activities");
    await page.getByRole("link", { name: "Payment reconciliation" }).waitFor();
    await shot(page, "02-activities-list");
  });

  test("2b. the demo activity's form fits in three screens at 1280 x 800, its Save button always in reach", async () => {
    const wide = await world.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const tab = await wide.newPage();
      await signIn(tab);
      await tab.goto("/admin/activities");
      await tab.getByRole("link", { name: MAINTENANCE }).click();
      await tab.getByRole("link", { name: "Edit", exact: true }).click();
      await expectHeading(tab, `Edit ${MAINTENANCE}`);
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      expect(height, "page height in px").toBeLessThanOrEqual(3 * 800);
      // At the top of the page, the Save button is on screen already (it sticks to the foot of the window).
      const save = await tab.getByRole("button", { name: "Save", exact: true }).boundingBox();
      expect(save && save.y + save.height).toBeLessThanOrEqual(800);
      await shot(tab, "02-activity-edit-1280x800");
    } finally {
      await wide.close();
    }
  });

  test("3. a validation error is shown beside the field, with what was typed, and nothing is saved", async () => {
    const rowsBefore = await dataCategoryRows();
    await page.goto("/admin/data-categories");
    const listedBefore = await page.getByRole("row").count();

    await page.getByRole("link", { name: "Add data category" }).click();
    await page.getByLabel("Description (English)").fill("A category without a name");
    expect(await submit("Save")).toBe(422);
    await expectHeading(page, "New data category");
    // The summary at the top says nothing was saved and links to the field…
    const summary = page.getByRole("alert");
    expect(await summary.innerText()).toContain("Nothing was saved");
    // …and the message stands inside the name's own group, beside its fields.
    const message = "Give the text in at least one language";
    await page.getByRole("group", { name: /^Name/ }).getByText(message).waitFor();
    expect(await page.getByRole("group", { name: /^Description/ }).innerText()).not.toContain(message);
    expect(await page.getByLabel("Description (English)").inputValue()).toBe("A category without a name");
    await shot(page, "03-validation-error");

    expect(await dataCategoryRows()).toBe(rowsBefore);
    await page.goto("/admin/data-categories");
    expect(await page.getByRole("row").count()).toBe(listedBefore);
  });

  test("4. proposes a new sub-processor, announces it and sees its objection window with days left on the dashboard", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Changes", exact: true }).click();
    await expectHeading(page, "Sub-processor changes");
    await page.getByRole("link", { name: "Propose a change" }).click();
    await expectHeading(page, "Propose a sub-processor change");
    await page.getByLabel("Vendor name").fill(VENDOR);
    await page.getByLabel("Street and number").fill("Friedrichstraße 10");
    await page.getByLabel("Postal code").fill("10117");
    await page.getByLabel("City").fill("Berlin");
    await page.getByLabel("Country of the address").selectOption({ label: "Germany" });
    await page.getByLabel("Contact name").fill("Privacy Team");
    await page.getByLabel("Contact e-mail").fill("privacy@klippa.example");
    await page.getByLabel("What the vendor does").fill("OCR of invoices and receipts");
    await page.getByLabel("Vendor country (location 1)").selectOption({ label: "Germany" });
    await page.getByLabel(MAINTENANCE).check();
    await page.getByLabel("Reason (required)").fill("Better recognition of handwritten receipts.");
    await page.getByLabel("Intended start").fill("2026-12-08");
    await page.getByLabel("Announce now (notify customers)").check();
    await shot(page, "04-propose-form");
    expect(await submit("Propose")).toBe(303);
    await expectHeading(page, `${VENDOR}: Add a sub-processor`);
    expect(await page.getByRole("status").innerText()).toMatch(/proposed and announced: \d+ notice/);
    await shot(page, "04-change-announced");

    // The dashboard shows each change's first window to close; each agreement has its own notice period.
    const [first] = await world.store.db
      .select({ lastDay: min(changeNotices.lastDay) })
      .from(changeNotices)
      .where(eq(changeNotices.kind, "objection_window"));
    const lastDay = first?.lastDay;
    if (!lastDay) throw new Error("announcing made no objection window");

    await navigate("Dashboard");
    const windows = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Days left" }) });
    const row = windows.getByRole("row").filter({ hasText: VENDOR });
    const cells = await row.getByRole("cell").allInnerTexts();
    expect(cells.join(" | ")).toContain(lastDay);
    expect(cells.join(" | ")).toContain(`${daysFromToday(lastDay)} days`);
    await shot(page, "04-dashboard-objection-window");
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

    const customer = await world.newContext();
    const customerPage = await customer.newPage();
    watchCsp(customerPage, cspErrors);
    await customerPage.goto(link);
    await customerPage.getByRole("heading", { level: 1, name: "Bezwaar maken tegen een wijziging van subverwerkers" }).waitFor();
    expect(await customerPage.locator("html").getAttribute("lang")).toBe("nl");
    const shown = await customerPage.locator("body").innerText();
    expect(shown).toContain(VENDOR);
    // Given in English only, the reason shows in English (register texts fall back; the page's own words do not).
    expect(shown).toContain("Better recognition of handwritten receipts.");
    expect(shown).toContain(`U kunt bezwaar maken tot het einde van ${longDutchDate(notice.lastDay)} (${notice.timeZone})`);
    expect(shown).toContain(`Nog ${daysFromToday(notice.lastDay)} dagen.`);
    agreementReference = /verwerkersovereenkomst (\S+) met/.exec(shown)?.[1] ?? "";
    expect(agreementReference).not.toBe("");
    await customerPage.screenshot({ path: `${SCREENSHOTS}/05-customer-notice.png`, fullPage: true });

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
    await customerPage.screenshot({ path: `${SCREENSHOTS}/05-objection-received.png`, fullPage: true });
    expect((await customer.cookies()).map((c) => c.name)).not.toContain("__Host-dpa_session");
    await customer.close();
  });

  test("6. the DPO sees the objection on the dashboard, opens it and overrules it; it no longer awaits a decision", async () => {
    expect(agreementReference, "journey 5 must have run").not.toBe("");
    await page.goto("/admin");
    await expectHeading(page, "Dashboard");
    await page.getByRole("heading", { name: "Objections awaiting a decision (1)" }).waitFor();
    await shot(page, "06-dashboard-objection-awaiting");
    await page.getByRole("link", { name: new RegExp(`^Objection of .* \\(${agreementReference}\\)$`) }).click();
    await expectHeading(page, /^Objection of /);
    expect(await textOf(page)).toContain("Our clients' receipts must not leave Belgium");
    await page.getByLabel("Overruled").check();
    await page
      .getByLabel("Reason for the decision")
      .fill("Klippa processes in Germany only, inside the EEA, under the same safeguards as our other vendors.");
    await shot(page, "06-objection-decide");
    expect(await submit("Record decision")).toBe(303);
    expect(await page.getByRole("status").innerText()).toContain("Decision recorded: Overruled.");
    expect(await textOf(page)).toContain("Klippa processes in Germany only");
    await shot(page, "06-objection-decided");

    await navigate("Dashboard");
    await page.getByRole("heading", { name: "Objections awaiting a decision (0)" }).waitFor();
    expect(await textOf(page)).toContain("No objection awaits a decision.");
    await shot(page, "06-dashboard-after-decision");
  });

  test("7. downloads an agreement's annex as a PDF from the documents page", async () => {
    await navigate("Documents");
    await shot(page, "07-documents");
    const pdfLink = page.getByRole("link", { name: /^Annex .+ — PDF$/ }).first();
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

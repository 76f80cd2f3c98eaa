import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { outbox } from "../../db/schema.ts";
import { proposeChange } from "../../src/core/changes/proposal/propose-change.ts";
import { recordObjection } from "../../src/core/changes/objections/record-objection.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { activityKind } from "../../src/core/register/activities.ts";
import { listEntities } from "../../src/core/register/use-cases/list-entities.ts";
import { type Language, LANGUAGES } from "../../src/core/kernel/values/values.ts";
import { ocrProposal } from "../helpers/changes.ts";
import { crawl, describeFindings, type Finding, patternOf, scan } from "./axe-scan.ts";
import { ADMIN, expectHeading, SCREENSHOTS, signIn, startWorld, watchCsp, type World } from "./harness.ts";
import { storedTexts, wrongLanguage } from "./language-check.ts";

/**
 * axe-core (WCAG 2.1 A and AA) on every page of the UI: the sign-in page,
 * each admin page reachable by links from the dashboard, a form showing
 * validation errors, and the customer's pages behind a notice link (an
 * objection window and its receipt, an authorisation request). A change is
 * announced and objected to first, so the change, notice and objection
 * pages and the dashboard's tables have something to show.
 * Serious and critical violations fail the test.
 *
 * AxeBuilder injects axe-core with page.evaluate, which goes through the
 * DevTools protocol and is not subject to the page's CSP, so no bypassCSP is
 * needed: the pages are scanned as served, under the real policy, and the
 * crawl also proves no page trips that policy.
 */
/** The browser's own locale in each language's crawl (Chromium sends it as Accept-Language). */
const BROWSER_LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-BE", fr: "fr-BE" };

let world: World;
let context: BrowserContext;
let page: Page;
const findings: Finding[] = [];
const cspErrors: string[] = [];

beforeAll(async () => {
  world = await startWorld();
  // The customer pages' links and the admin change pages need an announced change (same proposal as the change suites).
  const ctx = { ...makeCtx(world.store, SYSTEM_ACTOR, world.clock), publicBaseUrl: world.base };
  const activities = await listEntities(ctx, activityKind, { limit: "200" });
  const maintenance = activities.items.find((a) => a.name.en?.startsWith("Maintenance"));
  if (!maintenance) throw new Error("the demo register has no maintenance activity");
  await proposeChange(ctx, ocrProposal(maintenance.id), null);
  // One objection by e-mail, so the objection page and the "awaiting a decision" tables exist whatever test runs.
  const [mail] = await world.store.db.select().from(outbox).where(eq(outbox.kind, "change_notice")).limit(1);
  await recordObjection(ctx, mail?.relatedId ?? "", { grounds: "By e-mail: our data must stay in Belgium.", channel: "email" });
  context = await world.newContext();
  page = await context.newPage();
  watchCsp(page, cspErrors);
});
afterAll(async () => {
  // Every finding of the file in one list, whichever test failed first.
  if (findings.length > 0) console.error(`axe findings (serious/critical):\n${describeFindings(findings)}`);
  await world?.close();
});

/** The link in the first queued e-mail of a kind ("change_notice" or "authorisation_request"). */
async function customerLink(kind: string, recipient?: string): Promise<string> {
  const [mail] = await world.store.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, kind), like(outbox.body, "%/object/%"), recipient ? eq(outbox.recipient, recipient) : undefined))
    .limit(1);
  const link = /https?:\/\/\S+\/object\/\S+/.exec(mail?.body ?? "")?.[0];
  if (!link) throw new Error(`no ${kind} e-mail with a link`);
  return link;
}

const expectClean = (found: Finding[]) => expect(found, describeFindings(found)).toEqual([]);

describe("accessibility (axe-core, WCAG 2.1 AA): no serious or critical violation", () => {
  test("the scan itself reports a serious violation, with the page and the offending node", async () => {
    const probe = await context.newPage();
    await probe.setContent(
      `<!doctype html><html lang="en"><head><title>probe</title></head><body><main><h1>Probe</h1><input id="unlabelled" type="text"></main></body></html>`,
    );
    const found = await scan(probe, "probe");
    await probe.close();
    expect(found.find((f) => f.rule === "label")).toMatchObject({ page: "probe", impact: "critical", targets: ["#unlabelled"] });
  });

  test("the sign-in page, empty and after a failed attempt", async () => {
    await page.goto("/admin/sign-in");
    const found = await scan(page, "/admin/sign-in");
    await page.getByLabel("E-mail address").fill(ADMIN.email);
    await page.getByLabel("Password").fill("wrong password, certainly");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    found.push(...(await scan(page, "/admin/sign-in (failed attempt)")));
    findings.push(...found);
    expectClean(found);
  });

  test("forms showing validation errors beside their fields", async () => {
    await signIn(page);
    const found: Finding[] = [];
    await page.goto("/admin/account");
    await page.getByLabel("Current password").fill(ADMIN.password);
    await page.getByLabel(/^New password(?! again)/).fill("a brand new passphrase");
    await page.getByLabel("New password again").fill("a different passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expectHeading(page, "Your account");
    await page.getByRole("alert").waitFor();
    found.push(...(await scan(page, "/admin/account (validation errors)")));

    // Register forms are `novalidate`: an empty form reaches the server and comes back with its issues.
    for (const [path, heading] of [
      ["/admin/data-categories/new", "New data category"],
      ["/admin/activities/new", "New activity"],
    ] as const) {
      await page.goto(path);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expectHeading(page, heading);
      await page.getByRole("alert").waitFor();
      found.push(...(await scan(page, `${path} (validation errors)`)));
    }
    // The proposal form lets the browser check its required fields; with those filled, the server refuses a vendor-less "add".
    await page.goto("/admin/changes/new");
    await page.getByLabel("Reason (required)").fill("No vendor given.");
    await page.getByLabel("Intended start").fill("2026-12-08");
    await page.getByRole("button", { name: "Propose", exact: true }).click();
    await expectHeading(page, "Propose a sub-processor change");
    await page.getByRole("alert").waitFor();
    found.push(...(await scan(page, "/admin/changes/new (validation errors)")));
    findings.push(...found);
    expectClean(found);
  });

  test("the customer's pages behind a notice link: objection form, receipt, authorisation request", async () => {
    const customer = await world.newContext();
    const tab = await customer.newPage();
    watchCsp(tab, cspErrors);
    const found: Finding[] = [];

    // Peeters' agreement is in Dutch (so its pages are), Dupont's in French, Janssens' in English.
    await tab.goto(await customerLink("change_notice", "an.peeters@peeters.example"));
    await tab.getByRole("heading", { level: 1, name: "Bezwaar maken tegen een wijziging van subverwerkers" }).waitFor();
    found.push(...(await scan(tab, "/object/<notice link> (nl)")));
    await tab.getByLabel("Uw redenen voor het bezwaar").fill("Our data must stay in Belgium.");
    await tab.getByLabel("Uw naam").fill("Jan Peeters");
    await tab.getByLabel("Uw e-mailadres").fill("jan@example.be");
    await tab.getByRole("button", { name: "Bezwaar versturen" }).click();
    await tab.getByRole("heading", { level: 1, name: "Bezwaar ontvangen" }).waitFor();
    found.push(...(await scan(tab, "/object/<notice link> (nl, objection received)")));

    await tab.goto(await customerLink("change_notice", "luc.dupont@dupont.example"));
    await tab.getByRole("heading", { level: 1, name: "S’opposer à une modification des sous-traitants ultérieurs" }).waitFor();
    found.push(...(await scan(tab, "/object/<notice link> (fr)")));

    await tab.goto(await customerLink("authorisation_request"));
    await tab.getByRole("heading", { level: 1, name: "Your authorisation for a change of sub-processors" }).waitFor();
    found.push(...(await scan(tab, "/object/<authorisation request link>")));
    await customer.close();
    findings.push(...found);
    expectClean(found);
    expect(cspErrors, "Content-Security-Policy violations").toEqual([]);
  });

  // Each language's crawl is its own browser, whose Accept-Language the pages answer in.
  test.each(LANGUAGES)(
    "every admin page reachable from the dashboard, in %s (screenshots in test-results/screenshots/pages)",
    async (lang) => {
      const stored = await storedTexts(world.store);
      const admin = await world.newContext({ locale: BROWSER_LOCALES[lang] });
      const csp: string[] = [];
      admin.on("page", (tab) => watchCsp(tab, csp));
      await signIn(await admin.newPage());
      const folder = join(SCREENSHOTS, "pages", lang);
      mkdirSync(folder, { recursive: true });
      const result = await crawl(admin, world.base, "/admin", {
        perPattern: 1,
        tabs: 3,
        screenshots: folder,
        alsoCheck: (page, target) => wrongLanguage(page, target, lang, stored),
      });
      await admin.close();
      console.log(
        `axe crawl (${lang}): scanned ${result.visited.length} admin pages${process.env.E2E_VERBOSE ? `:\n  ${result.visited.join("\n  ")}` : " (E2E_VERBOSE=1 lists them)"}`,
      );
      findings.push(...result.findings);
      expect(result.broken, "links that led to an error").toEqual([]);
      // The crawl must reach the workflow's pages too, or a lost link would shrink the scan unnoticed.
      const reached = new Set(result.visited.map(patternOf));
      for (const pattern of [
        "/admin",
        "/admin/activities/:id/edit",
        "/admin/agreements/:id/history",
        "/admin/changes/:id",
        "/admin/notices/:id",
        "/admin/objections/:id",
        "/admin/documents",
        "/admin/audit/:id",
        "/admin/users/:id",
      ]) {
        expect(reached, `the crawl reached no ${pattern} page`).toContain(pattern);
      }
      expectClean(result.findings);
      expect(result.problems, "pages not wholly in the browser's language").toEqual([]);
      expect(csp, "Content-Security-Policy violations").toEqual([]);
    },
    // Some 70 pages, each scanned and screenshotted: minutes on a busy machine, not the default minute.
    600_000,
  );

  test("no admin page is wider than a phone's 390 px screen: long words and cells wrap, forms take one column", async () => {
    const phone = await world.newContext({ viewport: { width: 390, height: 844 } });
    await signIn(await phone.newPage());
    const result = await crawl(phone, world.base, "/admin", {
      perPattern: 1,
      tabs: 3,
      check: async (page, target) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        return width > 390 ? [`${target}: ${width} px wide`] : [];
      },
    });
    await phone.close();
    expect(result.visited.length).toBeGreaterThan(20);
    expect(result.problems).toEqual([]);
  }, 300_000);
});

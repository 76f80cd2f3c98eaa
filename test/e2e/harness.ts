import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { serve, type ServerType } from "@hono/node-server";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { createApp } from "../../src/app.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createUser } from "../../src/core/accounts/user-use-cases.ts";
import { openStore } from "../../src/platform/node/bootstrap.ts";
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { NOTICE_DAY } from "../helpers/changes.ts";
import { settableClock } from "../helpers/clocks.ts";
import { TEST_COST, TEST_PASSWORD } from "../helpers/admin-ui.ts";
import type { Language } from "../../src/core/kernel/values/values.ts";
import { wordsOf } from "../helpers/catalogue.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";

/**
 * A real Node HTTP server around the real app, over a fresh SQLite file with
 * the ClearFacts demo register and one admin, and a headless Chromium to
 * browse it. The server listens on 127.0.0.1 but is browsed as
 * http://localhost: the session cookie is `__Host-` and Secure, which
 * Chromium only accepts over plain http on localhost.
 */

export const ADMIN = { email: "dpo@clearfacts.example", name: "Dana DPO", password: TEST_PASSWORD } as const;
export const SCREENSHOTS = "test-results/screenshots";

/**
 * "Now" for the app, standing still (the change suites' notice day, Friday
 * 20 November 2026): deadlines and days left are the same on every run.
 */
export const START = NOTICE_DAY;

export interface World {
  base: string;
  store: SqliteStore;
  clock: ReturnType<typeof settableClock>;
  browser: Browser;
  /** A new context (a fresh browser profile: no cookies) on the real CSP. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "dpa-e2e-"));
  const store = openStore(join(dir, "register.db"));
  await loadDemoRegister(store);
  const clock = settableClock(START);
  await createUser(
    makeCtx(store, SYSTEM_ACTOR, clock),
    { email: ADMIN.email, name: ADMIN.name, role: "admin", password: ADMIN.password },
    TEST_COST,
  );

  // The public base URL carries the port, known only once the server listens.
  let app: ReturnType<typeof createApp> | undefined;
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: (request) => (app as ReturnType<typeof createApp>).fetch(request), port: 0, hostname: "127.0.0.1" }, () =>
      resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://localhost:${port}`;
  app = createApp({ store, clock, passwordCost: TEST_COST, publicBaseUrl: base });

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // The server listens on IPv4 only; do not let "localhost" try ::1 first.
      "--host-resolver-rules=MAP localhost 127.0.0.1",
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    base,
    store,
    clock,
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext({ baseURL: base, acceptDownloads: true, ...options });
      // Pages answer in milliseconds; a missing label or button should fail fast, not after 30 s.
      context.setDefaultTimeout(8_000);
      return context;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || "/usr/bin/chromium";
  } catch {
    return "/usr/bin/chromium";
  }
}

/** Signs in through the form, as a person would, in the language the page came in, and waits for the dashboard. */
export async function signIn(page: Page, email: string = ADMIN.email, password: string = ADMIN.password): Promise<void> {
  await page.goto("/admin/sign-in");
  const w = wordsOf((await page.locator("html").getAttribute("lang")) as Language);
  await page.getByLabel(w("admin.common.signIn.email")).fill(email);
  await page.getByLabel(w("admin.common.signIn.password")).fill(password);
  await page.getByRole("button", { name: w("admin.common.signIn.button") }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Collects what the browser reports as Content-Security-Policy violations
 * (console errors and `securitypolicyviolation` page errors), so a journey
 * can prove the pages work under the real policy without being blocked.
 */
export function watchCsp(page: Page, violations: string[] = []): string[] {
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(`${page.url()}: ${error.message}`);
  });
  return violations;
}

/** Waits for the page's `<h1>` to read `name`: where a click led. */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor({ state: "visible", timeout: 60_000 });
}

/** The page's visible text, for vitest's string assertions. */
export async function textOf(page: Page): Promise<string> {
  return page.locator("body").innerText();
}

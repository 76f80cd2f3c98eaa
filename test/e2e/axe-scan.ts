import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";

/** WCAG 2.1 A and AA: what the issue asks every page to meet. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now and returns its serious and critical violations. */
export async function scan(page: Page, label = pathOf(page.url())): Promise<Finding[]> {
  // Legacy mode runs axe.run() in the page itself; the default opens a blank
  // page per scan to merge per-frame results, which doubles the cost, and
  // these pages have no frames. Only violations are detailed (faster).
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
}

/** Findings as one line each, for a failure message that says what to fix and where. */
export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.impact} ${f.rule} on ${f.page} (${f.help}): ${f.targets.join(", ")}`).join("\n");
}

export interface CrawlResult {
  /** Pages scanned, in the order visited. */
  visited: string[];
  findings: Finding[];
  /** Links that led to an error status (a broken link or a failing page). */
  broken: string[];
  /** What `check` found wrong, page by page. */
  problems: string[];
}

export interface CrawlOptions {
  /** How many pages per route pattern (ids replaced by ":id") to scan; the others are alike. */
  perPattern?: number;
  /** Stop after this many pages, to keep the run short. */
  maxPages?: number;
  /** Tabs scanning at once. */
  tabs?: number;
  /** Instead of the axe scan, this check of each page, answering what is wrong with it. */
  check?: (page: Page, target: string) => Promise<string[]>;
  /** Besides the axe scan, this check of each page (its answers go to `problems`). */
  alsoCheck?: (page: Page, target: string) => Promise<string[]>;
  /** A folder for a full-page screenshot of each page, named after its route pattern. */
  screenshots?: string;
}

/**
 * Visits every admin page reachable by following links from `start`, breadth
 * first, with GET only (forms are not submitted, so nothing is changed), and
 * scans each, in a few tabs of `context` at once. Only same-origin links
 * under /admin are followed; download links (`download` attribute, or a
 * non-HTML answer) are skipped, and sign-out is a form, not a link.
 */
export async function crawl(context: BrowserContext, origin: string, start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const perPattern = options.perPattern ?? 2;
  const maxPages = options.maxPages ?? 250;
  const queue = [start];
  const seen = new Set<string>([start]);
  const taken = new Map<string, number>();
  const result: CrawlResult = { visited: [], findings: [], broken: [], problems: [] };
  let busy = 0;
  let waiting: (() => void)[] = [];
  const wakeAll = () => {
    const sleepers = waiting;
    waiting = [];
    for (const wake of sleepers) wake();
  };

  /** The next link worth a visit, reserving its pattern's slot; null when nothing is left to do. */
  async function next(): Promise<string | null> {
    for (;;) {
      while (queue.length > 0) {
        const target = queue.shift() as string;
        const pattern = patternOf(target);
        if ((taken.get(pattern) ?? 0) >= perPattern || result.visited.length >= maxPages) continue;
        taken.set(pattern, (taken.get(pattern) ?? 0) + 1);
        return target;
      }
      if (busy === 0) return null;
      // Another tab may still find links: wait for it.
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  async function visit(page: Page, target: string): Promise<void> {
    const started = Date.now();
    const response = await page.goto(target).catch((error: Error) => {
      if (/Download is starting/i.test(error.message)) return null;
      throw error;
    });
    const release = () => taken.set(patternOf(target), (taken.get(patternOf(target)) ?? 1) - 1);
    if (!response) return void release();
    if (!response.ok()) return void result.broken.push(`${target} → ${response.status()}`);
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) return void release();
    result.visited.push(target);
    const loaded = Date.now();
    if (options.check) result.problems.push(...(await options.check(page, target)));
    else result.findings.push(...(await scan(page, target)));
    if (options.alsoCheck) result.problems.push(...(await options.alsoCheck(page, target)));
    if (options.screenshots) await page.screenshot({ path: join(options.screenshots, `${fileNameOf(target)}.png`), fullPage: true });
    if (process.env.E2E_VERBOSE) process.stderr.write(`${target}: load ${loaded - started} ms, axe ${Date.now() - loaded} ms\n`);
    for (const link of await linksOn(page, origin)) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }

  async function tab(): Promise<void> {
    const page = await context.newPage();
    try {
      for (let target = await next(); target !== null; target = await next()) {
        busy++;
        try {
          await visit(page, target);
        } finally {
          busy--;
          wakeAll();
        }
      }
    } finally {
      await page.close();
    }
  }

  await Promise.all(Array.from({ length: options.tabs ?? 2 }, tab));
  return result;
}

/** Same-origin /admin links of the page, as path + query, without fragments or download links. */
async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.locator("a[href]:not([download])").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const links: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    if (!url.pathname.startsWith("/admin") || url.pathname === "/admin/sign-in" || url.pathname.startsWith("/admin/sign-out")) continue;
    links.push(`${url.pathname}${url.search}`);
  }
  return links;
}

/**
 * The route a path belongs to: id segments (UUIDs, numbers) become ":id"
 * and the query is dropped, so `/admin/activities/0193…/edit` and its
 * siblings count as one page shape.
 */
export function patternOf(path: string): string {
  const pathname = path.split("?")[0] as string;
  return pathname
    .split("/")
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f]{4}-|^\d+$/i.test(segment) ? ":id" : segment))
    .join("/");
}

/** A screenshot's file name for a page: its route pattern, "admin-activities-id-edit", and the query's words. */
const fileNameOf = (target: string): string => {
  const [, query = ""] = target.split("?");
  const name = `${patternOf(target)}${query ? `-${query}` : ""}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return name.slice(0, 120) || "root";
};

export const pathOf = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

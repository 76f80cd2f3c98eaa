// Reads an admin page's form the way a browser submits it, and finds controls
// by their visible label, so the register form tests fill forms as a user
// (or the e2e test) would, rather than guessing field names.
import { expect } from "vitest";
import { makeAdminUi, type UiSession } from "../helpers/admin-ui.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";

export type FormValues = Record<string, string | string[]>;

export interface PageForm {
  action: string;
  /** What the browser would post as the page stands (CSRF token left out: the test helper adds it). */
  values: FormValues;
  html: string;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeHtml(m[1] ?? "") : undefined;
};

/** The page's register form (the one with `novalidate`) and its current values. */
export function readForm(page: string): PageForm {
  const form = /<form method="post" action="([^"]+)" novalidate[^>]*>([\s\S]*?)<\/form>/.exec(page);
  if (!form) throw new Error("page has no register form");
  const body = form[2] ?? "";
  const values: FormValues = {};
  const add = (name: string, value: string) => {
    const existing = values[name];
    values[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  };
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, "name");
    if (!name || name === "_csrf") continue;
    const type = attr(tag, "type") ?? "text";
    if (type === "checkbox" && !/\schecked\b/.test(tag)) continue;
    add(name, attr(tag, "value") ?? "");
  }
  for (const [, open, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(open ?? "", "name");
    if (!name) continue;
    const all = [...(options ?? "").matchAll(/<option value="([^"]*)"( selected)?>/g)];
    const chosen = all.find((o) => o[2]) ?? all[0];
    add(name, unescapeHtml(chosen?.[1] ?? ""));
  }
  for (const [, open, text] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open ?? "", "name");
    if (name) add(name, unescapeHtml(text ?? ""));
  }
  return { action: unescapeHtml(form[1] ?? ""), values, html: page };
}

/**
 * A label's text as a screen reader reads it: visually-hidden parts included (rows' qualifiers),
 * parts marked aria-hidden left out.
 */
function accessibleText(markup: string): string {
  return unescapeHtml(markup.replace(/<span aria-hidden="true">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, ""));
}

/** The name of the control whose <label> reads exactly `label`. */
export function nameOfLabel(page: string, label: string): string {
  const labels = [...page.matchAll(/<label for="([^"]+)">(.*?)<\/label>/g)].filter((m) => accessibleText(m[2] ?? "") === label);
  expect(labels.length, `exactly one control labelled "${label}"`).toBe(1);
  const id = labels[0]?.[1];
  const control = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\sid="${id}"[^>]*>`).exec(page);
  const name = control ? attr(control[0], "name") : undefined;
  if (!name) throw new Error(`no control for label "${label}"`);
  return name;
}

/** Fills controls by label, returning the values to post. */
export function fill(form: PageForm, byLabel: Record<string, string>): FormValues {
  const values = { ...form.values };
  for (const [label, value] of Object.entries(byLabel)) values[nameOfLabel(form.html, label)] = value;
  return values;
}

/** The value of a checkbox whose label reads `label` (to tick it). */
export function checkboxValue(page: string, label: string): { name: string; value: string } {
  const m = [
    ...page.matchAll(/<input type="checkbox" id="([^"]+)" name="([^"]+)" value="([^"]+)"[^>]*><label for="\1">([^<]*)<\/label>/g),
  ].find((x) => unescapeHtml(x[4] ?? "") === label);
  if (!m) throw new Error(`no checkbox labelled "${label}"`);
  return { name: m[2] ?? "", value: unescapeHtml(m[3] ?? "") };
}

/** The error paragraph beside a control, by the control's dotted name. */
export function errorBeside(page: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const m = new RegExp(`<p class="error" id="${id}-error">([^<]*)</p>`).exec(page);
  return m ? unescapeHtml(m[1] ?? "") : undefined;
}

/** The flash message of a page. */
export const flashOf = (page: string) => unescapeHtml(/<p class="flash" role="status">([^<]*)<\/p>/.exec(page)?.[1] ?? "");

/** A fresh store with the admin app over it, signed in as `role`; optionally with the demo register. */
export async function signedIn(role: "admin" | "editor" | "read-only", o: { demo?: boolean } = {}) {
  const store = memoryStore();
  if (o.demo) await loadDemoRegister(store);
  const ui = await makeAdminUi(store);
  const session = await ui.signIn(role);
  return { store, ui, session };
}

/** Follows a 303 and returns the page it leads to. */
export async function follow(ui: Awaited<ReturnType<typeof makeAdminUi>>, response: Response, session: UiSession) {
  expect(response.status, await response.clone().text()).toBe(303);
  const location = response.headers.get("location") ?? "";
  const cookie = /__Host-dpa_flash=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  const page = await ui.app.request(`http://localhost${location}`, {
    headers: { cookie: `__Host-dpa_session=${session.cookie}${cookie ? `; __Host-dpa_flash=${cookie}` : ""}` },
  });
  return { location, status: page.status, html: await page.text() };
}

/**
 * Adds blank rows to a form's lists as a user without JavaScript does: presses the list's "Add …"
 * button (a post that saves nothing and draws the form again), once per row. Returns the page.
 */
export async function withRows(
  ui: Awaited<ReturnType<typeof makeAdminUi>>,
  session: UiSession,
  page: string,
  rows: Record<string, number>,
): Promise<string> {
  let html = page;
  for (const [list, count] of Object.entries(rows)) {
    for (let i = 0; i < count; i++) {
      const form = readForm(html);
      const response = await ui.post(form.action, { ...form.values, _add: list }, session);
      expect(response.status, `adding a row to ${list}`).toBe(200);
      html = await response.text();
    }
  }
  return html;
}

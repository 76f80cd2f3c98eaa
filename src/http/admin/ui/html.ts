import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { uiDateTime } from "./ui-language.ts";

/**
 * Every admin page is built with hono's `html` tag, which escapes each
 * interpolated value; `raw` is only for markup this code made itself.
 * (Node runs the TypeScript sources directly and cannot run JSX.)
 */
export { html, raw };
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Markup for nothing, for optional parts. */
export const nothing: Html = raw("");

/** Joins fragments without a separator. */
export const join = (parts: Html[]): Html => html`${parts}`;

/** Instants as the DPO reads them: the date in the page's language and the minute in UTC, unambiguous in audits. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return "—";
  return uiDateTime(iso);
}

/** A URL path segment, encoded. */
export const seg = (value: string): string => encodeURIComponent(value);

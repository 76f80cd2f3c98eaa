import { z } from "zod";
import { DEFAULT_TIME_ZONE } from "../changes/index.ts";
import { addDays, localDate, startOfDay } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { invalid } from "../kernel/errors.ts";
import type { DocumentKind } from "../documents/index.ts";
import { IsoDate, Language } from "../kernel/values/values.ts";
import { parseInput } from "../kernel/input/parse-input.ts";

/** The formats a person downloads; HTML is the preview. */
export const DOWNLOAD_FORMATS = ["pdf", "csv", "xlsx", "json", "jsonld"] as const;

/**
 * What the documents pages' links carry: a language and a calendar date
 * rather than the API's instant, since people think of "the register as it
 * stood on 31 December".
 */
export const DocumentLinkQuery = z.strictObject({
  format: z.enum(DOWNLOAD_FORMATS).optional(),
  lang: Language.optional(),
  asOf: IsoDate.optional().describe("The register at the end of this day in Europe/Brussels."),
});
export type DocumentLinkQuery = z.infer<typeof DocumentLinkQuery>;

/**
 * The request exportDocument (documents/export-use-cases.ts) takes for a link
 * of the admin UI. The agreement may be named by its id or its reference; a date in
 * the future is refused; today means now.
 */
export function exportRequestOf(
  ctx: Ctx,
  target: { kind: DocumentKind; agreementId: string | null },
  raw: Record<string, string>,
  format: "html" | "download",
): Record<string, unknown> {
  const q = parseInput(DocumentLinkQuery, raw);
  if (format === "download" && !q.format) throw invalid([{ path: "format", message: `Choose a format: ${DOWNLOAD_FORMATS.join(", ")}.` }]);
  if (format === "html" && q.format) throw invalid([{ path: "format", message: "A preview is HTML; download other formats." }]);
  return {
    kind: target.kind,
    agreementId: target.agreementId,
    format: format === "html" ? "html" : q.format,
    language: q.lang,
    asOf: q.asOf ? endOfDay(ctx, q.asOf) : undefined,
  };
}

/** The last instant of `date` in Brussels, or undefined (now) for today; later dates are refused. */
export function endOfDay(ctx: Ctx, date: string): string | undefined {
  const now = ctx.clock.now();
  const today = localDate(now, DEFAULT_TIME_ZONE);
  if (date > today) throw invalid([{ path: "asOf", message: `The register's future is not known yet: give ${today} or an earlier day.` }]);
  if (date === today) return undefined;
  // The next day's first instant, less one millisecond: entries written at midnight belong to the next day.
  return new Date(Date.parse(startOfDay(addDays(date, 1), DEFAULT_TIME_ZONE)) - 1).toISOString();
}

import type { Context } from "hono";
import { AppError } from "../../../core/kernel/errors.ts";
import type { AppEnv } from "../../env.ts";
import { t } from "../ui/ui-language.ts";

/**
 * A page's query string with blank values dropped (an empty filter select
 * means "any"), for the core's strict query schemas.
 */
export function pageQuery(c: Context<AppEnv>): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value.trim() !== ""));
}

/**
 * Runs a read whose query the user may have edited by hand: a bad query is a
 * bad request (400), not a form that failed to save (422).
 */
export async function readWithQuery<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && error.code === "validation")
      throw new AppError("bad_request", t("admin.auditlog.badQuery"), error.issues);
    throw error;
  }
}

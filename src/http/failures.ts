import type { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import { AppError } from "../core/kernel/errors.ts";
import { inputIssues } from "../core/kernel/input/parse-input.ts";
import { adminErrorPage, isHtmlPath } from "./admin/admin-errors.ts";
import type { AppEnv } from "./env.ts";
import { handleError, problemResponse } from "./problem.ts";

/** Request schema failures become the same problem+json as the use cases' own. */
export function refuseInvalidInput(result: { success: true } | { success: false; error: z.ZodError }): void {
  // The validator hands over the input it refused as `data`, though zod-openapi's type omits it.
  if (!result.success)
    throw new AppError("validation", "The request has invalid fields.", inputIssues((result as { data?: unknown }).data, result.error));
}

/** Where the methods a path answers are looked up once every route is registered (for 405 and its Allow header). */
export interface AllowedMethods {
  of: (path: string) => string[];
}

/** Errors as problem+json (or the admin UI's error page); unknown paths as 404, known paths with another method as 405. */
export function answerFailures(app: OpenAPIHono<AppEnv>): AllowedMethods {
  const methods: AllowedMethods = { of: () => [] };
  app.onError((error, c) => (isHtmlPath(c.req.path) ? adminErrorPage(error, c) : handleError(error, c)));
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = methods.of(path);
    if (allowed.length === 0) return problemResponse(c, "not_found", `No route ${c.req.method} ${path}.`);
    const response = problemResponse(c, "method_not_allowed", `${path} answers ${allowed.join(", ")}, not ${c.req.method}.`);
    response.headers.set("Allow", allowed.join(", "));
    return response;
  });
  return methods;
}

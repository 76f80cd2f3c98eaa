import type { z } from "zod";
import { AppError, type FieldIssue, invalid, pathOf } from "../errors.ts";
import { textIssues } from "./text-rules.ts";

/** zod issues as field issues: one per bad field, unknown keys named one by one. */
export function fieldIssues(error: z.ZodError, prefix = ""): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: pathOf([...issue.path, key], prefix), message: "Unknown field." }));
    }
    return [{ path: pathOf(issue.path, prefix) || "(body)", message: issue.message }];
  });
}

/**
 * Parse, don't validate: the typed value, or an AppError naming every bad
 * field. Every string, however nested, must also be text the register can
 * store and print (text-rules.ts).
 */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown, prefix = ""): T {
  const result = schema.safeParse(raw);
  const issues = inputIssues(raw, result.success ? null : result.error, prefix);
  if (!result.success || issues.length > 0) throw invalid(issues);
  return result.data;
}

/** The issues of an input: its text first (text-rules.ts), then what the schema found on other fields. */
export function inputIssues(raw: unknown, error: z.ZodError | null, prefix = ""): FieldIssue[] {
  const badText = textIssues(raw, prefix);
  const named = new Set(badText.map((i) => i.path));
  return [...badText, ...(error ? fieldIssues(error, prefix).filter((i) => !named.has(i.path)) : [])];
}

export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw invalid(issues);
}

/** Absent optional fields are stored and returned as null, so every read has the same shape. */
export function withNulls<T extends object>(shape: Record<string, unknown>, value: T): T {
  const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(shape)) if (filled[key] === undefined) filled[key] = null;
  return filled as T;
}

export function requireObject(raw: unknown): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new AppError("validation", "The body must be a JSON object.", [{ path: "(body)", message: "Expected a JSON object." }]);
  }
  return raw as Record<string, unknown>;
}

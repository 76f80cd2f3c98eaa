/** What went wrong, independent of transport; http/problem.ts maps codes to statuses. */
export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "too_many_requests"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "internal";

/** One problem with one input field; `path` is dotted, e.g. "clocks.subProcessorNotice.length". */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
  }
}

/**
 * A write made on the condition that the record is still at one of
 * `revisions` (HTTP If-Match): refused, changing nothing, when it moved on.
 */
export function checkPrecondition(what: string, current: number, revisions: number[] | undefined): void {
  if (revisions === undefined || revisions.includes(current)) return;
  throw new AppError(
    "precondition_failed",
    `${what} is at revision ${current}, not the one your If-Match names (${revisions.join(", ") || "none readable"}): someone changed it since you read it. Nothing was changed; read it again and reapply your change.`,
  );
}

export const notFound = (what: string, id: string) => new AppError("not_found", `No ${what} with id ${id}.`);

export function invalid(issues: FieldIssue[], message = "The request has invalid fields."): AppError {
  return new AppError("validation", message, issues);
}

export function pathOf(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  const joined = path.map(String).join(".");
  return prefix && joined ? `${prefix}.${joined}` : prefix || joined;
}

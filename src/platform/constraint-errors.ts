import { AppError } from "../core/kernel/errors.ts";

/**
 * Translates what SQLite says when a constraint stops a write (the same text
 * on better-sqlite3 and D1, which wraps it) into the register's error type.
 * Anything else is rethrown unchanged: it is a bug, not a user error.
 */
export function translateConstraintError(error: unknown): never {
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  if (message.includes("write_guards_ok") || message.includes("CHECK constraint failed: ok = 1")) {
    throw new AppError("conflict", "Someone else changed this record at the same time. Reload it and try again.");
  }
  const unique = /UNIQUE constraint failed: (\w+)\.(\w+)/.exec(message);
  if (unique) {
    throw new AppError("conflict", `That value is already taken (${unique[1]}.${unique[2]}).`);
  }
  if (message.includes("FOREIGN KEY constraint failed")) {
    throw new AppError("conflict", "The change refers to a record that does not exist, or removes one still referred to.");
  }
  throw error;
}

import { type FieldIssue, pathOf } from "../errors.ts";

/**
 * C0 controls other than tab, line feed and carriage return (forms send line
 * breaks as CR LF), DEL and the C1 controls: invisible, they garble documents
 * and e-mails and are never part of what a person meant to write.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Deeper than any input of the register: a body nested further is refused rather than walked. */
const MAX_DEPTH = 32;

/** Why `text` may not be stored, or null when it may. */
export function textProblem(text: string): string | null {
  // A lone UTF-16 surrogate cannot be encoded as UTF-8 or canonicalised (RFC 8785): documents would fail on it.
  if (!text.isWellFormed()) return "Contains a broken character (a lone UTF-16 surrogate); send well-formed Unicode text.";
  const control = CONTROL.exec(text);
  if (control) {
    const code = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return `Contains the control character U+${code}; only tabs and line breaks may appear in text.`;
  }
  return null;
}

/**
 * Every string of an input, keys included, that may not be stored, each on
 * its own path: one rule for every free-text field of the API, the forms and
 * the CLI, since all of them parse their input through parseInput.
 */
export function textIssues(value: unknown, prefix = ""): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (node: unknown, path: string[], depth: number) => {
    if (typeof node === "string") {
      const problem = textProblem(node);
      if (problem) issues.push({ path: pathOf(path, prefix) || "(body)", message: problem });
      return;
    }
    if (typeof node !== "object" || node === null) return;
    if (depth >= MAX_DEPTH) {
      issues.push({ path: pathOf(path, prefix) || "(body)", message: `Nested more than ${MAX_DEPTH} levels deep.` });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const keyProblem = textProblem(key);
      if (keyProblem) issues.push({ path: pathOf([...path, "(key)"], prefix), message: keyProblem });
      else walk(child, [...path, key], depth + 1);
    }
  };
  walk(value, [], 0);
  return issues;
}

/** The same value with every lone surrogate shown as U+FFFD: text stored before the rule still renders, visibly marked. */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === "string") return (value.isWellFormed() ? value : value.toWellFormed()) as T;
  if (Array.isArray(value)) return value.map(wellFormedDeep) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [wellFormedDeep(key), wellFormedDeep(child)])) as T;
  }
  return value;
}

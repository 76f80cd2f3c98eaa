import { AppError, type FieldIssue } from "../kernel/errors.ts";
import { fieldIssues } from "../kernel/input/parse-input.ts";
import { contentSha256, EXPORT_FORMAT, EXPORT_VERSION, RegisterExport, type RawRow, SCHEMA_MIGRATIONS } from "./export-format.ts";
import { checkpointProblems, type FileChain, walkFileChain } from "./file-chain.ts";
import { type ColumnSpec, EXPORTED_TABLES, type TableSpec } from "./register-tables.ts";

/** An export that passed every check that needs no database. */
export interface CheckedExport {
  document: RegisterExport;
  chain: FileChain;
  rows: Record<string, number>;
}

/** Past this many, more issues add nothing an operator can act on. */
const MAX_ISSUES = 20;

const refuse = (message: string, issues: FieldIssue[] = []) => new AppError("validation", message, issues.slice(0, MAX_ISSUES));

/**
 * Checks a register export before anything is written: the format and its
 * version, the schema it was made with, every row's shape against this
 * build's tables, the digest, the audit chain (walked in memory) and its
 * signed checkpoints (signature, a key this service trusts, still extended).
 */
export async function checkExport(raw: unknown, trustedKeys: readonly string[]): Promise<CheckedExport> {
  const envelope = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (envelope?.format !== EXPORT_FORMAT)
    throw refuse(`This is not a register export: its "format" is not "${EXPORT_FORMAT}".`, [
      { path: "format", message: `Expected "${EXPORT_FORMAT}".` },
    ]);
  if (envelope.version !== EXPORT_VERSION) {
    throw refuse(`This register export is of version ${JSON.stringify(envelope.version)}; this service reads version ${EXPORT_VERSION}.`, [
      { path: "version", message: `Expected ${EXPORT_VERSION}.` },
    ]);
  }
  const parsed = RegisterExport.safeParse(raw);
  if (!parsed.success) throw refuse("The register export is malformed.", fieldIssues(parsed.error));
  const document = parsed.data;

  const migrations = document.schema.migrations;
  if (migrations.join("\n") !== SCHEMA_MIGRATIONS.join("\n")) {
    throw refuse(
      `The export was made by a service whose schema ends with migration ${migrations.at(-1) ?? "(none)"} (${migrations.length} migrations); this one ends with ${SCHEMA_MIGRATIONS.at(-1)} (${SCHEMA_MIGRATIONS.length}). Import it into a service of the same version, then upgrade that one.`,
      [{ path: "schema.migrations", message: "Not this service's schema." }],
    );
  }
  const issues = tableIssues(document.tables);
  if (issues.length > 0) throw refuse("Rows of the register export do not fit this service's tables.", issues);
  if (contentSha256(document) !== document.contentSha256) {
    throw refuse(
      "The register export's content does not match its contentSha256: the file was changed or cut short after it was exported.",
      [{ path: "contentSha256", message: "Does not match the content." }],
    );
  }

  const chain = walkFileChain(document.tables.audit_entries ?? []);
  if (chain.broken) {
    throw refuse(
      `The register export's audit chain is broken at entry ${chain.broken.seq}: ${chain.broken.problem}. Nothing was imported.`,
      [{ path: `tables.audit_entries.seq=${chain.broken.seq}`, message: chain.broken.problem }],
    );
  }
  const claimed = document.chain;
  if (
    claimed.entries !== chain.entries ||
    claimed.head !== chain.head ||
    claimed.pending.join() !== chain.pending.join() ||
    claimed.broken !== null
  ) {
    throw refuse(
      `The register export says its chain has ${claimed.entries} entries with head ${claimed.head}, but its audit entries give ${chain.entries} with head ${chain.head}.`,
      [{ path: "chain", message: "Does not match the audit entries." }],
    );
  }
  const checkpoints = await checkpointProblems(document.tables.audit_checkpoints ?? [], chain, new Set(trustedKeys));
  if (checkpoints.length > 0) {
    throw refuse(
      `The register export's signed checkpoints do not hold: ${checkpoints[0]}.`,
      checkpoints.map((message) => ({ path: "tables.audit_checkpoints", message })),
    );
  }
  return { document, chain, rows: Object.fromEntries(Object.entries(document.tables).map(([name, rows]) => [name, rows.length])) };
}

function tableIssues(tables: Record<string, RawRow[]>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(EXPORTED_TABLES.map((t) => t.name));
  for (const name of Object.keys(tables))
    if (!known.has(name)) issues.push({ path: `tables.${name}`, message: "No such table in this service." });
  for (const spec of EXPORTED_TABLES) {
    const rows = tables[spec.name];
    if (rows === undefined) issues.push({ path: `tables.${spec.name}`, message: "Missing: every table is exported, empty ones as []." });
    else issues.push(...rowIssues(spec, rows));
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues;
}

function rowIssues(spec: TableSpec, rows: RawRow[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const names = new Set(spec.columns.map((c) => c.name));
  let previous: unknown[] | null = null;
  rows.forEach((row, index) => {
    if (issues.length >= MAX_ISSUES) return;
    const at = `tables.${spec.name}.${index}`;
    for (const key of Object.keys(row)) if (!names.has(key)) issues.push({ path: `${at}.${key}`, message: "No such column." });
    for (const column of spec.columns) {
      const problem = valueProblem(column, row[column.name]);
      if (problem) issues.push({ path: `${at}.${column.name}`, message: problem });
    }
    // The primary key's order: it keeps exports byte-identical, and puts audit entries in chain order.
    const key = spec.orderBy.map((c) => row[c]);
    if (previous !== null && compareKeys(previous, key) >= 0)
      issues.push({ path: at, message: `Not after the row before it in primary-key order (${spec.orderBy.join(", ")}), or a duplicate.` });
    previous = key;
  });
  return issues;
}

function valueProblem(column: ColumnSpec, value: unknown): string | null {
  if (value === undefined) return "Missing.";
  if (value === null) return column.notNull ? "May not be null." : null;
  switch (column.kind) {
    case "text":
      return typeof value === "string" ? null : "Expected text.";
    case "json":
      if (typeof value !== "string") return "Expected the column's stored JSON text.";
      try {
        JSON.parse(value);
        return null;
      } catch {
        return "Not valid JSON text.";
      }
    case "integer":
      return Number.isSafeInteger(value) ? null : "Expected an integer.";
    case "boolean":
      return value === 0 || value === 1 ? null : "Expected 0 or 1.";
  }
}

/** Compares two rows' primary keys as SQLite orders them (integers numerically, text by bytes). */
function compareKeys(left: unknown[], right: unknown[]): number {
  for (let i = 0; i < left.length; i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return utf8Compare(String(x), String(y));
  }
  return 0;
}

const encoder = new TextEncoder();
function utf8Compare(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

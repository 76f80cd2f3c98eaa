import { sha256HexSync } from "../kernel/secrets/sha256.ts";
import canonicalize from "canonicalize";
import { z } from "zod";
import journal from "../../../db/migrations/meta/_journal.json" with { type: "json" };

/**
 * The canonical export of a whole register (docs/register-export-format.md):
 * every table but sessions and write guards, each row as SQLite stores it
 * (JSON columns as their stored text), so an import writes the same bytes
 * and the audit chain keeps its hashes.
 */
export const EXPORT_FORMAT = "dpa-register-export";
export const EXPORT_VERSION = 1;

/** The migrations this build's schema is made of, oldest first: an import needs the same list. */
export const SCHEMA_MIGRATIONS: readonly string[] = journal.entries.map((entry) => entry.tag);

/** A stored value: text (JSON columns included), an integer (booleans as 0 and 1), or NULL. */
export const RawValue = z.union([z.string(), z.int(), z.null()]);
export type RawValue = z.infer<typeof RawValue>;
export type RawRow = Record<string, RawValue>;

export const ChainSummary = z.strictObject({
  entries: z.int().min(0).describe("Audit entries in the hash chain."),
  head: z.string().describe("The hash (64 hex digits) of the newest chained entry; 64 zeros for none."),
  pending: z.array(z.int()).describe("Entries written outside the chain (SQL for D1) after the head, by seq."),
  broken: z
    .strictObject({ seq: z.int(), problem: z.string() })
    .nullable()
    .describe("The first entry that does not hold when the register was exported; a file with a broken chain is not imported."),
});
export type ChainSummary = z.infer<typeof ChainSummary>;

export const RegisterExport = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().describe("When the export was read (ISO 8601, UTC)."),
  schema: z.strictObject({ migrations: z.array(z.string()).describe("The migrations the register's schema is made of, oldest first.") }),
  chain: ChainSummary,
  contentSha256: z
    .string()
    .describe(
      "SHA-256 (64 hex digits) of the RFC 8785 JSON of format, version, schema, chain and tables: the same register gives the same value, whenever and wherever it is exported.",
    ),
  tables: z
    .record(z.string(), z.array(z.record(z.string(), RawValue)))
    .describe("Every table but sessions and write_guards, by SQL name; rows keyed by SQL column name, in primary-key order."),
});
export type RegisterExport = z.infer<typeof RegisterExport>;

/** The part of an export its digest covers: everything but when it was made and the digest itself. */
export function contentSha256(doc: Pick<RegisterExport, "format" | "version" | "schema" | "chain" | "tables">): string {
  const content = { format: doc.format, version: doc.version, schema: doc.schema, chain: doc.chain, tables: doc.tables };
  return sha256HexSync(canonicalize(content) ?? "");
}

/**
 * The file's text: one row per line, keys in schema order, so the same
 * register gives the same bytes on Node and in a Worker and files diff well.
 */
export function serializeExport(doc: RegisterExport): string {
  const head = (["format", "version", "exportedAt", "schema", "chain", "contentSha256"] as const).map(
    (key) => `  ${JSON.stringify(key)}: ${JSON.stringify(doc[key])},`,
  );
  const tables = Object.entries(doc.tables).map(([name, rows]) => {
    if (rows.length === 0) return `    ${JSON.stringify(name)}: []`;
    return `    ${JSON.stringify(name)}: [\n${rows.map((row) => `      ${JSON.stringify(row)}`).join(",\n")}\n    ]`;
  });
  return `{\n${head.join("\n")}\n  "tables": {\n${tables.join(",\n")}\n  }\n}\n`;
}

import canonicalize from "canonicalize";
import { and, eq, inArray, max, notInArray, sql } from "drizzle-orm";
import { apiTokens, auditEntries, breaches, customerAudits, obligations, termsChanges, users } from "../../../db/schema.ts";
import { wellFormedDeep } from "../kernel/input/text-rules.ts";
import { loadOrganisation } from "../organisation/index.ts";
import type { Db } from "../kernel/ports/store.ts";
import { ENTITY_KINDS } from "../register/index.ts";
import { toUser } from "../accounts/index.ts";
import { AUDITED_OBLIGATION_FIELDS } from "../obligations/index.ts";
import type { VerificationProblem } from "./verification-report.ts";

/**
 * Every audited record's newest audit entry carries the record as it was
 * written. A row that differs from it was edited outside the service: the
 * API would show one value and documents (rebuilt from the trail) another.
 */
interface AuditedRecords {
  entityType: string;
  label: string;
  /** Every row, keyed by id, in the shape the audit trail records. */
  load(db: Db): Promise<Map<string, unknown>>;
  /** The fields compared; all when unset. Others change without an entry by design (last use, lockouts). */
  fields?: string[];
}

const registerRecords: AuditedRecords[] = Object.values(ENTITY_KINDS).map((kind) => ({
  entityType: kind.type,
  label: kind.label,
  async load(db) {
    const ids = (await db.select({ id: kind.columns.id }).from(kind.table)) as { id: string }[];
    const entities: { id: string }[] = [];
    for (let i = 0; i < ids.length; i += 500)
      entities.push(
        ...(await kind.load(
          db,
          ids.slice(i, i + 500).map((r) => r.id),
        )),
      );
    return new Map(entities.map((e) => [e.id, e]));
  },
}));

const AUDITED_RECORDS: AuditedRecords[] = [
  ...registerRecords,
  {
    entityType: "organisation",
    label: "organisation profile",
    async load(db) {
      const found = await loadOrganisation(db);
      return new Map(found ? [[found.id, found]] : []);
    },
  },
  {
    entityType: "user",
    label: "user",
    fields: ["id", "email", "name", "role", "disabledAt", "createdAt", "revision"],
    async load(db) {
      return new Map((await db.select().from(users)).map((row) => [row.id, toUser(row)]));
    },
  },
  {
    entityType: "obligation",
    label: "obligation",
    fields: [...AUDITED_OBLIGATION_FIELDS],
    async load(db) {
      return new Map((await db.select().from(obligations)).map((row) => [row.id, row]));
    },
  },
  {
    entityType: "breach",
    label: "personal data breach",
    async load(db) {
      return new Map((await db.select().from(breaches)).map((row) => [row.id, row]));
    },
  },
  {
    entityType: "customer_audit",
    label: "customer audit",
    async load(db) {
      return new Map((await db.select().from(customerAudits)).map((row) => [row.id, row]));
    },
  },
  {
    entityType: "terms_change",
    label: "terms change",
    async load(db) {
      return new Map((await db.select().from(termsChanges)).map((row) => [row.id, row]));
    },
  },
  {
    entityType: "api_token",
    label: "API token",
    fields: ["id", "name", "role", "createdAt", "createdBy", "revokedAt"],
    async load(db) {
      return new Map((await db.select().from(apiTokens)).map(({ tokenHash: _hash, ...row }) => [row.id, row]));
    },
  },
];

/** Entries that record an event rather than a record's new state. */
const EVENT_ACTIONS = ["sign_in", "sign_in_failed", "lock", "sign_out", "export"];

/** Compares every audited row with the state its audit trail gives; returns what differs. */
export async function checkAuditedState(db: Db): Promise<{ checked: number; problems: VerificationProblem[] }> {
  const problems: VerificationProblem[] = [];
  let checked = 0;
  for (const records of AUDITED_RECORDS) {
    const rows = await records.load(db);
    const trail = await latestStates(db, records.entityType);
    for (const [id, row] of rows) {
      checked += 1;
      const entry = trail.get(id);
      const subject = `${records.label} ${id}`;
      if (!entry) {
        problems.push({
          check: "state",
          subject,
          seq: null,
          message: `the ${records.label} has no audit entry: its row was inserted outside the service`,
        });
        continue;
      }
      trail.delete(id);
      if (entry.after === null) {
        problems.push({
          check: "state",
          subject,
          seq: entry.seq,
          message: `entry ${entry.seq} deleted the ${records.label}, yet its row is still there`,
        });
        continue;
      }
      const differing = differingFields(row, entry.after, records.fields);
      if (differing.length > 0) {
        problems.push({
          check: "state",
          subject,
          seq: entry.seq,
          message: `the ${records.label}'s ${differing.join(", ")} differ${differing.length === 1 ? "s" : ""} from its audit entry ${entry.seq}: the row was edited outside the service`,
        });
      }
    }
    for (const [id, entry] of trail) {
      if (entry.after === null) continue;
      problems.push({
        check: "state",
        subject: `${records.label} ${id}`,
        seq: entry.seq,
        message: `its audit entry ${entry.seq} says it exists, but its row is gone: deleted outside the service`,
      });
    }
  }
  return { checked, problems };
}

/** The newest state-bearing entry of each record of one type. */
async function latestStates(db: Db, entityType: string): Promise<Map<string, { seq: number; after: unknown }>> {
  const latest = db
    .select({ seq: max(auditEntries.seq).as("latest_seq") })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), notInArray(auditEntries.action, EVENT_ACTIONS)))
    .groupBy(auditEntries.entityId)
    .as("latest");
  const rows = await db
    .select({ seq: auditEntries.seq, entityId: auditEntries.entityId, after: auditEntries.after })
    .from(auditEntries)
    .innerJoin(latest, sql`${auditEntries.seq} = ${latest.seq}`)
    .where(inArray(auditEntries.entityType, [entityType]));
  return new Map(rows.map((r) => [r.entityId, { seq: r.seq, after: r.after }]));
}

function differingFields(row: unknown, recorded: unknown, fields?: string[]): string[] {
  const actual = wellFormedDeep(row) as Record<string, unknown>;
  const expected = wellFormedDeep(recorded) as Record<string, unknown>;
  const names = fields ?? [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  const same = (a: unknown, b: unknown) => (canonicalize(a ?? null) ?? "") === (canonicalize(b ?? null) ?? "");
  // A field added to the register after the entry was written (joint controllers, say) is absent
  // from it: the row may hold only that field's empty value, which the entry implies.
  const impliedEmpty = (name: string) =>
    !(name in expected) && (actual[name] === null || (Array.isArray(actual[name]) && actual[name].length === 0));
  return names.filter((name) => !same(actual[name], expected[name]) && !impliedEmpty(name));
}

import { and, inArray, lte, max, sql } from "drizzle-orm";
import { auditEntries } from "../../../db/schema.ts";
import type { Activity, Agreement, Customer, DataCategory, SecurityMeasure, SubjectCategory, SubProcessor } from "../register/index.ts";
import type { Organisation } from "../organisation/index.ts";
import type { Db } from "../kernel/ports/store.ts";

/** The whole register as it stood at one instant, rebuilt from the audit trail. */
export interface RegisterSnapshot {
  asOf: string;
  /** The last audit entry included: pins the state even if a later write shares the as-of millisecond. */
  throughSeq: number;
  organisation: Organisation | null;
  dataCategories: Map<string, DataCategory>;
  subjectCategories: Map<string, SubjectCategory>;
  securityMeasures: Map<string, SecurityMeasure>;
  activities: Map<string, Activity>;
  subProcessors: Map<string, SubProcessor>;
  customers: Map<string, Customer>;
  agreements: Map<string, Agreement>;
}

const SNAPSHOT_FIELDS = {
  data_category: "dataCategories",
  subject_category: "subjectCategories",
  security_measure: "securityMeasures",
  processing_activity: "activities",
  sub_processor: "subProcessors",
  customer: "customers",
  agreement: "agreements",
} as const;
const ENTITY_TYPES = [...Object.keys(SNAPSHOT_FIELDS), "organisation"];

/** The last audit entry written at or before `asOf`: what an export as of that instant includes. */
export async function lastSeqAt(db: Db, asOf: string): Promise<number> {
  const [row] = await db
    .select({ seq: max(auditEntries.seq) })
    .from(auditEntries)
    .where(lte(auditEntries.at, asOf));
  return row?.seq ?? 0;
}

/**
 * Every audit entry carries the entity's full representation after the change
 * (null once deleted), so the state at an instant is the latest entry per
 * entity up to it. Documents are always built this way, for "now" too, so an
 * export made today and its regeneration next year take the same path.
 */
export async function loadSnapshot(db: Db, asOf: string, throughSeq: number): Promise<RegisterSnapshot> {
  const latest = db
    .select({ seq: max(auditEntries.seq).as("latest_seq") })
    .from(auditEntries)
    .where(and(lte(auditEntries.at, asOf), lte(auditEntries.seq, throughSeq), inArray(auditEntries.entityType, ENTITY_TYPES)))
    .groupBy(auditEntries.entityType, auditEntries.entityId)
    .as("latest");
  const rows = await db
    .select({ entityType: auditEntries.entityType, entityId: auditEntries.entityId, after: auditEntries.after })
    .from(auditEntries)
    .innerJoin(latest, sql`${auditEntries.seq} = ${latest.seq}`)
    .orderBy(auditEntries.seq);

  const snapshot: RegisterSnapshot = {
    asOf,
    throughSeq,
    organisation: null,
    dataCategories: new Map(),
    subjectCategories: new Map(),
    securityMeasures: new Map(),
    activities: new Map(),
    subProcessors: new Map(),
    customers: new Map(),
    agreements: new Map(),
  };
  for (const row of rows) {
    if (row.after === null) continue; // deleted by then
    if (row.entityType === "organisation") {
      snapshot.organisation = row.after as Organisation;
      continue;
    }
    const field = SNAPSHOT_FIELDS[row.entityType as keyof typeof SNAPSHOT_FIELDS];
    // The stored representation is the API's own output, written by the use case that made the change.
    (snapshot[field] as Map<string, unknown>).set(row.entityId, row.after);
  }
  return snapshot;
}

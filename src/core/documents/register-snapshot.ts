import { and, eq, inArray, lte, max, sql } from "drizzle-orm";
import { auditEntries } from "../../../db/schema.ts";
import type { Activity, Agreement, Customer, DataCategory, SecurityMeasure, SubjectCategory, SubProcessor } from "../register/index.ts";
import type { Organisation } from "../organisation/index.ts";
import type { Db } from "../kernel/ports/store.ts";
import type { DocumentKind } from "../kernel/values/values.ts";

/**
 * The register as it stood at one instant, rebuilt from the audit trail: all
 * of it (`loadSnapshot`) or the part one document shows (`loadDocumentSnapshot`).
 */
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
 * export made today and its regeneration next year take the same path. This
 * reads every entity, for callers that check every document at once; one
 * document reads only what it shows (`loadDocumentSnapshot`).
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

  const snapshot = emptySnapshot(asOf, throughSeq);
  fill(snapshot, rows);
  return snapshot;
}

function emptySnapshot(asOf: string, throughSeq: number): RegisterSnapshot {
  return {
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
}

/** Adds each entity's latest entry (in audit order) to the snapshot; an entity deleted by then stays out. */
function fill(snapshot: RegisterSnapshot, rows: { entityType: string; entityId: string; after: unknown }[]): void {
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
}

/** What a document shows: an annex one agreement, an Art. 30 record the register's activities of its role. */
export interface SnapshotScope {
  kind: DocumentKind;
  agreementId: string | null;
}

/**
 * The part of the register one document shows, as it stood at an instant:
 * each entity at its latest audit entry up to (asOf, throughSeq), read
 * through the (entity_type, entity_id, seq) index, so the cost follows the
 * entities shown rather than the whole history. The maps hold every entity
 * the document's views look up, so its content is the same as from
 * `loadSnapshot`: an annex reads its agreement, customer, activities, the
 * catalogue entries they name and the sub-processors; a record reads every
 * activity (and, as processor, agreement) with what those name.
 */
export async function loadDocumentSnapshot(db: Db, asOf: string, throughSeq: number, scope: SnapshotScope): Promise<RegisterSnapshot> {
  const snapshot = emptySnapshot(asOf, throughSeq);
  const read = (entityType: EntityType, ids?: Iterable<string>) => latestEntries(db, asOf, throughSeq, entityType, ids);
  const [organisations, subProcessors, agreements, activities] = await Promise.all([
    read("organisation"),
    read("sub_processor"),
    scope.kind === "annex"
      ? read("agreement", scope.agreementId ? [scope.agreementId] : [])
      : scope.kind === "art30-processor"
        ? read("agreement")
        : [],
    scope.kind === "annex" ? [] : read("processing_activity"),
  ]);
  fill(snapshot, organisations);
  fill(snapshot, subProcessors);
  fill(snapshot, agreements);
  fill(snapshot, activities);

  const found = [...snapshot.agreements.values()];
  const [customers, covered] = await Promise.all([
    scope.kind === "art30-controller"
      ? []
      : read(
          "customer",
          found.map((a) => a.customerId),
        ),
    scope.kind === "annex"
      ? read(
          "processing_activity",
          found.flatMap((a) => a.activityIds ?? []),
        )
      : [],
  ]);
  fill(snapshot, customers);
  fill(snapshot, covered);

  const named = [...snapshot.activities.values()];
  const catalogue = await Promise.all([
    read(
      "data_category",
      named.flatMap((a) => (a.dataCategories ?? []).map((l) => l.dataCategoryId)),
    ),
    read(
      "subject_category",
      named.flatMap((a) => a.subjectCategoryIds ?? []),
    ),
    read(
      "security_measure",
      named.flatMap((a) => a.securityMeasureIds ?? []),
    ),
  ]);
  for (const rows of catalogue) fill(snapshot, rows);
  return snapshot;
}

type EntityType = keyof typeof SNAPSHOT_FIELDS | "organisation";
type LatestEntry = { entityType: string; entityId: string; after: unknown };

/**
 * The latest audit entry up to the instant of each entity of one type, in
 * audit order: of the given ids only, or of every entity of the type. The ids
 * travel as one JSON parameter, whatever their number (D1 caps bound
 * parameters at 100).
 */
async function latestEntries(
  db: Db,
  asOf: string,
  throughSeq: number,
  entityType: EntityType,
  ids?: Iterable<string>,
): Promise<LatestEntry[]> {
  const wanted = ids === undefined ? null : [...new Set(ids)];
  if (wanted?.length === 0) return [];
  const latest = db
    .select({ seq: max(auditEntries.seq) })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.entityType, entityType),
        wanted ? inArray(auditEntries.entityId, sql`(select value from json_each(${JSON.stringify(wanted)}))`) : undefined,
        lte(auditEntries.seq, throughSeq),
        lte(auditEntries.at, asOf),
      ),
    )
    .groupBy(auditEntries.entityId);
  return db
    .select({ entityType: auditEntries.entityType, entityId: auditEntries.entityId, after: auditEntries.after })
    .from(auditEntries)
    .where(inArray(auditEntries.seq, latest))
    .orderBy(auditEntries.seq);
}

import { and, desc, inArray, isNotNull } from "drizzle-orm";
import { subProcessorChanges, subProcessors } from "../../../db/schema.ts";
import { localDate, type PlainDate } from "../kernel/clocks/deadline.ts";
import { type ChangeKind, DEFAULT_TIME_ZONE } from "../changes/index.ts";
import { pickRequired, translate } from "../kernel/i18n/localise.ts";
import type { Language } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import { locationLine, type PublicLocation, publicLocations } from "./public-locations.ts";

/** The statuses a change can have once customers were told of it; a proposal nobody was told of stays private. */
export const PUBLIC_CHANGE_STATUSES = ["announced", "effective", "withdrawn"] as const;
export type PublicChangeStatus = (typeof PUBLIC_CHANGE_STATUSES)[number];

/** A sub-processor change as customers were told of it: no agreements, customers, notices or objections. */
export interface PublicChange {
  id: string;
  kind: ChangeKind;
  status: PublicChangeStatus;
  /** One line in the reader's language, e.g. "New sub-processor: IxorDocs (OCR, Germany)". */
  title: string;
  vendor: { legalName: string; service: string };
  replaces: { legalName: string } | null;
  locations: PublicLocation[];
  announcedAt: string;
  /** The announcement's calendar day where the notices were dated. */
  announcedOn: PlainDate;
  intendedStart: PlainDate;
  earliestStart: PlainDate | null;
  effectiveAt: string | null;
  withdrawnAt: string | null;
  /** The latest of announcement, taking effect and withdrawal. */
  lastEventAt: string;
}

/** Changes customers were told of, in the given statuses, the most recently touched first. */
export async function publicChanges(
  db: Db,
  lang: Language,
  statuses: readonly PublicChangeStatus[] = PUBLIC_CHANGE_STATUSES,
): Promise<PublicChange[]> {
  const rows = await db
    .select()
    .from(subProcessorChanges)
    // A change withdrawn before its announcement also has no announcedAt: it never reaches the public.
    .where(and(inArray(subProcessorChanges.status, [...statuses]), isNotNull(subProcessorChanges.announcedAt)))
    .orderBy(desc(subProcessorChanges.announcedAt), desc(subProcessorChanges.id));
  const vendorIds = [
    ...new Set(rows.flatMap((r) => [r.subProcessorId, ...(r.replacesId ? [r.replacesId] : []), ...(r.parentId ? [r.parentId] : [])])),
  ];
  const vendors = vendorIds.length === 0 ? [] : await db.select().from(subProcessors).where(inArray(subProcessors.id, vendorIds));
  const byId = new Map(vendors.map((v) => [v.id, v]));

  const changes = rows.flatMap((row): PublicChange[] => {
    const { kind, status, announcedAt } = row;
    // The query keeps these out already; the check tells the types so.
    if (status === "proposed" || !announcedAt) return [];
    const vendor = byId.get(row.subProcessorId);
    const replaced = row.replacesId ? byId.get(row.replacesId) : undefined;
    const locations = publicLocations(row.locations ?? vendor?.locations ?? [], lang);
    const service = vendor ? pickRequired(vendor.service, lang) : "";
    const described = translate(lang, `feed.change.${kind}`, {
      vendor: vendor?.legalName ?? "",
      service,
      locations: locationLine(locations),
      replaced: replaced?.legalName ?? "",
      parent: (row.parentId ? byId.get(row.parentId)?.legalName : undefined) ?? translate(lang, "change.chain.direct"),
    });
    return [
      {
        id: row.id,
        kind,
        status,
        title: status === "withdrawn" ? translate(lang, "feed.change.withdrawn", { title: described }) : described,
        vendor: { legalName: vendor?.legalName ?? "", service },
        replaces: replaced ? { legalName: replaced.legalName } : null,
        locations,
        announcedAt,
        announcedOn: localDate(announcedAt, DEFAULT_TIME_ZONE),
        intendedStart: row.intendedStart,
        earliestStart: row.earliestStart ?? null,
        effectiveAt: row.effectiveAt ?? null,
        withdrawnAt: row.withdrawnAt ?? null,
        lastEventAt: [announcedAt, row.effectiveAt, row.withdrawnAt].reduce<string>((max, at) => (at && at > max ? at : max), announcedAt),
      },
    ];
  });
  return changes.sort((a, b) => b.lastEventAt.localeCompare(a.lastEventAt) || b.id.localeCompare(a.id));
}

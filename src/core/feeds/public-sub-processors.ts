import { and, asc, eq, isNull } from "drizzle-orm";
import { subProcessors } from "../../../db/schema.ts";
import { pickRequired } from "../kernel/i18n/localise.ts";
import { AppError } from "../kernel/errors.ts";
import { loadOrganisation, type Organisation } from "../organisation/index.ts";
import type { Language } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import { type PublicChange, publicChanges } from "./public-changes.ts";
import { type PublicLocation, publicLocations, type PublicTransfer, publicTransfer } from "./public-locations.ts";

export interface PublicSubProcessor {
  id: string;
  legalName: string;
  service: string;
  locations: PublicLocation[];
  transfer: PublicTransfer;
}

/**
 * The organisation's public sub-processor list (what its DPAs let customers
 * know, and what many publish on their website): the active sub-processors
 * and the changes announced but not yet in effect. Nothing about agreements,
 * customers, notices or objections.
 */
export interface PublicSubProcessorList {
  organisation: { legalName: string };
  language: Language;
  subProcessors: PublicSubProcessor[];
  announcedChanges: PublicChange[];
}

/** The profile public pages are about; without one there is nothing to publish. */
export async function publicOrganisation(db: Db): Promise<Organisation> {
  const found = await loadOrganisation(db);
  if (!found) throw new AppError("not_found", "This register has no organisation profile yet, so it publishes nothing.");
  return found;
}

export async function publicSubProcessorList(db: Db, organisation: Organisation, lang: Language): Promise<PublicSubProcessorList> {
  const rows = await db
    .select()
    .from(subProcessors)
    .where(and(eq(subProcessors.status, "active"), isNull(subProcessors.archivedAt)))
    .orderBy(asc(subProcessors.legalName), asc(subProcessors.id));
  return {
    organisation: { legalName: organisation.legalName },
    language: lang,
    subProcessors: rows.map((r) => ({
      id: r.id,
      legalName: r.legalName,
      service: pickRequired(r.service, lang),
      locations: publicLocations(r.locations, lang),
      transfer: publicTransfer(r.locations, r.transferMechanism ?? null, lang),
    })),
    announcedChanges: await publicChanges(db, lang, ["announced"]),
  };
}

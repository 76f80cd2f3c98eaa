import { and, asc, eq, isNull } from "drizzle-orm";
import { subProcessors } from "../../../db/schema.ts";
import { countryName, pickRequired } from "../kernel/i18n/localise.ts";
import { AppError } from "../kernel/errors.ts";
import { publishedSubProcessorsDocument } from "../documents/index.ts";
import { dpoEmail, loadOrganisation, type Organisation } from "../organisation/index.ts";
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
  /** The chain: the sub-processor that engages this one, or null when the organisation engages it directly. */
  engagedBy: { id: string; legalName: string } | null;
}

/**
 * The organisation's public sub-processor list (what its DPAs let customers
 * know, and what many publish on their website): the active sub-processors
 * and the changes announced but not yet in effect. Nothing about agreements,
 * customers, notices or objections.
 */
export interface PublicSubProcessorList {
  /** Who publishes the list, and where its DPO is reached (Art. 37(7) has the DPO's contact details published). */
  organisation: { legalName: string; country: string; dpoEmail: string };
  language: Language;
  /** When what the list shows last changed: a sub-processor on it, or a change customers were told of. */
  lastUpdated: string | null;
  subProcessors: PublicSubProcessor[];
  announcedChanges: PublicChange[];
}

/** The profile public pages are about; without one there is nothing to publish. */
export async function publicOrganisation(db: Db): Promise<Organisation> {
  const found = await loadOrganisation(db);
  if (!found) throw new AppError("not_found", "This register has no organisation profile yet, so it publishes nothing.");
  return found;
}

/** The sub-processors engaged now, by name: what every public list shows. */
const publishedRows = (db: Db) =>
  db
    .select()
    .from(subProcessors)
    .where(and(eq(subProcessors.status, "active"), isNull(subProcessors.archivedAt)))
    .orderBy(asc(subProcessors.legalName), asc(subProcessors.id));

/** The same list in the W3C Data Privacy Vocabulary (JSON-LD), for customers' privacy tools. */
export async function publicSubProcessorsLinkedData(db: Db, organisation: Organisation): Promise<string> {
  return publishedSubProcessorsDocument(organisation, dpoEmail(organisation), await publishedRows(db));
}

export async function publicSubProcessorList(db: Db, organisation: Organisation, lang: Language): Promise<PublicSubProcessorList> {
  const rows = await publishedRows(db);
  const active = new Map(rows.map((r) => [r.id, r]));
  // Every change customers were told of dates the list; those announced and not in effect are listed.
  const told = await publicChanges(db, lang);
  const announcedChanges = told.filter((c) => c.status === "announced");
  const instants = [...rows.map((r) => r.updatedAt), ...told.map((c) => c.lastEventAt)].sort();
  return {
    organisation: {
      legalName: organisation.legalName,
      country: countryName(organisation.address.country, lang),
      dpoEmail: dpoEmail(organisation),
    },
    language: lang,
    lastUpdated: instants.at(-1) ?? null,
    subProcessors: rows.map((r) => {
      const parent = r.parentId ? active.get(r.parentId) : undefined;
      return {
        id: r.id,
        legalName: r.legalName,
        service: pickRequired(r.service, lang),
        locations: publicLocations(r.locations, lang),
        transfer: publicTransfer(r.locations, r.transferMechanism ?? null, lang),
        engagedBy: parent ? { id: parent.id, legalName: parent.legalName } : null,
      };
    }),
    announcedChanges,
  };
}

import { isNull } from "drizzle-orm";
import { activities, customers, dataCategories, securityMeasures, subjectCategories, subProcessors } from "../../../db/schema.ts";
import type { LocalizedText } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import { type ImportKind, normalise } from "./sheet-specs.ts";

/** A record rows may refer to: in the register already, or a row of this import (whose id is null if it failed). */
interface Named {
  id: string | null;
  /** "the register" or "row 7", for messages. */
  where: string;
}

export type Lookup =
  | { status: "found"; id: string }
  | { status: "failed" }
  | { status: "unknown" }
  | { status: "ambiguous"; where: string[] };

/**
 * Names and references by kind, so rows can refer to each other as the DPO
 * does (by name in any language, a Ref or a reference) while the use cases
 * still receive ids.
 */
export class NameIndex {
  private readonly entries = new Map<string, Named[]>();

  /** The record already known under `name`, if any (before adding a row). */
  taken(kind: ImportKind, name: string): Named | null {
    return this.entries.get(key(kind, name))?.[0] ?? null;
  }

  add(kind: ImportKind, names: string[], named: Named): void {
    for (const name of new Set(names.map(normalise))) {
      if (name === "") continue;
      const list = this.entries.get(key(kind, name)) ?? [];
      if (!list.includes(named)) list.push(named);
      this.entries.set(key(kind, name), list);
    }
  }

  find(kind: ImportKind, name: string): Lookup {
    const found = this.entries.get(key(kind, name)) ?? [];
    if (found.length === 0) return { status: "unknown" };
    if (found.length > 1) return { status: "ambiguous", where: found.map((f) => f.where) };
    const [only] = found as [Named];
    return only.id === null ? { status: "failed" } : { status: "found", id: only.id };
  }

  /** Every record of the register that rows may name, under all its names. */
  static async ofRegister(db: Db): Promise<NameIndex> {
    const index = new NameIndex();
    const texts = (t: LocalizedText | null | undefined) => Object.values(t ?? {}).filter((v): v is string => typeof v === "string");
    const inRegister = (id: string): Named => ({ id, where: "the register" });
    for (const r of await db.select({ id: dataCategories.id, name: dataCategories.name }).from(dataCategories))
      index.add("data-categories", texts(r.name), inRegister(r.id));
    for (const r of await db.select({ id: subjectCategories.id, name: subjectCategories.name }).from(subjectCategories))
      index.add("subject-categories", texts(r.name), inRegister(r.id));
    for (const r of await db.select({ id: securityMeasures.id, title: securityMeasures.title }).from(securityMeasures))
      index.add("security-measures", texts(r.title), inRegister(r.id));
    for (const r of await db.select({ id: activities.id, name: activities.name }).from(activities).where(isNull(activities.archivedAt)))
      index.add("activities", texts(r.name), inRegister(r.id));
    const vendors = await db
      .select({ id: subProcessors.id, legalName: subProcessors.legalName, reference: subProcessors.reference })
      .from(subProcessors)
      .where(isNull(subProcessors.archivedAt));
    for (const r of vendors) index.add("sub-processors", [r.legalName, r.reference ?? ""], inRegister(r.id));
    const clients = await db
      .select({ id: customers.id, legalName: customers.legalName, reference: customers.reference })
      .from(customers)
      .where(isNull(customers.archivedAt));
    for (const r of clients) index.add("customers", [r.legalName, r.reference ?? ""], inRegister(r.id));
    return index;
  }
}

const key = (kind: ImportKind, name: string) => `${kind}\u0000${normalise(name)}`;

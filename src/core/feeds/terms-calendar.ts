import { and, asc, eq } from "drizzle-orm";
import { agreements, changeNotices, termsChanges } from "../../../db/schema.ts";
import { maxDate } from "../changes/index.ts";
import { translate } from "../kernel/i18n/localise.ts";
import type { Db } from "../kernel/ports/store.ts";
import type { Language } from "../kernel/values/values.ts";
import { type CalendarEvent, listedReferences } from "./calendar-event.ts";

/**
 * The calendar's events for announced terms changes: one per (change, last
 * day) of the agreements' objection windows, and one on the day the new
 * terms apply.
 */
export async function termsEvents(db: Db, lang: Language): Promise<CalendarEvent[]> {
  const [changes, rows] = await Promise.all([
    db.select().from(termsChanges).where(eq(termsChanges.status, "announced")),
    db
      .select({ changeId: changeNotices.changeId, lastDay: changeNotices.lastDay, reference: agreements.reference })
      .from(changeNotices)
      .innerJoin(termsChanges, eq(termsChanges.id, changeNotices.changeId))
      .innerJoin(agreements, eq(agreements.id, changeNotices.agreementId))
      .where(and(eq(changeNotices.subject, "terms_change"), eq(changeNotices.status, "open"), eq(termsChanges.status, "announced")))
      .orderBy(asc(changeNotices.lastDay), asc(agreements.reference)),
  ]);
  const versions = new Map(changes.map((c) => [c.id, c.version]));
  const groups = new Map<string, { changeId: string; lastDay: string; references: string[] }>();
  for (const row of rows) {
    const key = `${row.changeId}-terms-${row.lastDay}`;
    const group = groups.get(key) ?? { changeId: row.changeId, lastDay: row.lastDay, references: [] };
    group.references.push(row.reference);
    groups.set(key, group);
  }
  const events: CalendarEvent[] = [...groups].map(([key, group]) => ({
    uid: `${key}@dpa-register`,
    date: group.lastDay,
    summary: translate(lang, `feed.calendar.termsObjections.${group.references.length === 1 ? "one" : "other"}`, {
      version: versions.get(group.changeId) ?? "",
      count: group.references.length,
    }),
    description: [
      translate(lang, "feed.calendar.objectionsDetail"),
      ...listedReferences(group.references, lang),
      translate(lang, "feed.calendar.termsChange", { changeId: group.changeId }),
    ].join("\n"),
  }));
  for (const change of changes) {
    events.push({
      uid: `${change.id}-terms-start@dpa-register`,
      date: maxDate(change.effectiveOn, change.earliestEffective ?? null),
      summary: translate(lang, "feed.calendar.termsStart", { version: change.version }),
      description: [
        translate(lang, "feed.calendar.termsStartDetail"),
        translate(lang, "feed.calendar.termsChange", { changeId: change.id }),
      ].join("\n"),
    });
  }
  return events;
}

import { and, asc, eq } from "drizzle-orm";
import { agreements, changeNotices, subProcessorChanges } from "../../../db/schema.ts";
import type { PlainDate } from "../kernel/clocks/deadline.ts";
import { maxDate } from "../changes/index.ts";
import { translate } from "../kernel/i18n/localise.ts";
import type { Language } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import { type PublicChange, publicChanges } from "./public-changes.ts";
import { dutyEvents } from "../obligations/index.ts";
import { auditEvents } from "../customer-audits/index.ts";
import { type CalendarEvent, listedReferences } from "./calendar-event.ts";
import { termsEvents } from "./terms-calendar.ts";

/** An open notice still waiting for its deadline: objection window, or option-1 authorisation not yet answered. */
export interface DeadlineNotice {
  changeId: string;
  kind: "objections" | "authorisations";
  lastDay: PlainDate;
  reference: string;
}

export type { CalendarEvent };

export { MAX_LISTED_REFERENCES } from "./calendar-event.ts";

/**
 * The DPO's upcoming deadlines: one event per (change, last day) and per announced change's start
 * (of sub-processors or of the terms),
 * one per open duty (obligation) on its last day, and one per customer audit under way (on its
 * scheduled day, or while only requested on the earliest day it may start).
 */
export async function deadlineCalendar(db: Db, lang: Language): Promise<CalendarEvent[]> {
  const [changes, rows] = await Promise.all([
    publicChanges(db, lang, ["announced"]),
    db
      .select({
        changeId: changeNotices.changeId,
        kind: changeNotices.kind,
        lastDay: changeNotices.lastDay,
        authorisation: changeNotices.authorisation,
        outcome: changeNotices.outcome,
        reference: agreements.reference,
      })
      .from(changeNotices)
      .innerJoin(subProcessorChanges, eq(subProcessorChanges.id, changeNotices.changeId))
      .innerJoin(agreements, eq(agreements.id, changeNotices.agreementId))
      .where(and(eq(changeNotices.status, "open"), eq(subProcessorChanges.status, "announced")))
      .orderBy(asc(changeNotices.lastDay), asc(agreements.reference)),
  ]);
  const notices = rows.flatMap((r): DeadlineNotice[] => {
    if (r.outcome === "excluded") return [];
    if (r.kind === "objection_window") return [{ changeId: r.changeId, kind: "objections", lastDay: r.lastDay, reference: r.reference }];
    // An answered authorisation request is no longer a deadline.
    if (r.authorisation === "requested")
      return [{ changeId: r.changeId, kind: "authorisations", lastDay: r.lastDay, reference: r.reference }];
    return [];
  });
  const [duties, audits, terms] = await Promise.all([dutyEvents(db, lang), auditEvents(db, lang), termsEvents(db, lang)]);
  return [...deadlineEvents(changes, notices, lang), ...terms, ...duties, ...audits].sort(
    (a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid),
  );
}

/** Groups notices by change, kind and last day, and adds each change's possible start; soonest first. */
export function deadlineEvents(changes: PublicChange[], notices: DeadlineNotice[], lang: Language): CalendarEvent[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const groups = new Map<string, DeadlineNotice[]>();
  for (const n of notices) {
    const key = `${n.changeId}-${n.kind === "objections" ? "" : "authorisation-"}${n.lastDay}`;
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  const events: CalendarEvent[] = [];
  for (const [key, group] of groups) {
    const first = group[0] as DeadlineNotice;
    const change = byId.get(first.changeId);
    if (!change) continue;
    const references = [...new Set(group.map((n) => n.reference))].sort();
    const plural = references.length === 1 ? "one" : "other";
    events.push({
      uid: `${key}@dpa-register`,
      date: first.lastDay,
      summary: translate(lang, `feed.calendar.${first.kind}.${plural}`, { vendor: change.vendor.legalName, count: references.length }),
      description: [
        change.title,
        translate(lang, `feed.calendar.${first.kind}Detail`),
        ...listedReferences(references, lang),
        translate(lang, "feed.calendar.change", { changeId: change.id }),
      ].join("\n"),
    });
  }
  for (const change of changes) {
    events.push({
      uid: `${change.id}-start@dpa-register`,
      date: maxDate(change.intendedStart, change.earliestStart),
      summary: translate(lang, "feed.calendar.start", { vendor: change.vendor.legalName }),
      description: [
        change.title,
        translate(lang, "feed.calendar.startDetail"),
        translate(lang, "feed.calendar.change", { changeId: change.id }),
      ].join("\n"),
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

import { formatDate, formatInstant, formatPeriod, translate } from "../kernel/i18n/localise.ts";
import type { Language } from "../kernel/values/values.ts";
import type { Obligation } from "./model.ts";

/** The names a message about a duty quotes. */
export interface DutyParties {
  agreementReference: string;
  customerName: string;
}

/** What a text about a duty says of it. */
type DutyFacts = Pick<Obligation, "id" | "kind" | "trigger" | "triggerDate" | "lastDay" | "dueAt" | "timeZone" | "period" | "owner">;

/** The catalogue parameters every text about one duty uses, in `lang`. */
export function dutyParams(duty: DutyFacts & DutyParties, lang: Language) {
  return {
    duty: translate(lang, `obligation.kind.${duty.kind}`),
    reference: duty.agreementReference,
    customer: duty.customerName,
    endedOn: formatDate(duty.triggerDate, lang),
    lastDay: formatDate(duty.lastDay, lang),
    dueAt: formatInstant(duty.dueAt, lang),
    timeZone: duty.timeZone,
    period: formatPeriod(duty.period, lang),
    owner: duty.owner ?? translate(lang, "obligation.noOwner"),
    obligationId: duty.id,
  };
}

/** The catalogue key of a text about a duty, by the event that started it: a breach is told differently from an end. */
export const byTrigger = (duty: Pick<Obligation, "trigger">, termination: string, breach: string): string =>
  duty.trigger === "breach" ? breach : termination;

import { countryName, translate } from "../kernel/i18n/localise.ts";
import { isInEea } from "../kernel/values/countries.ts";
import type { Language, Location, TransferMechanism } from "../kernel/values/values.ts";

/** A location as the public sees it: the country code for machines, its name for people. */
export interface PublicLocation {
  country: string;
  name: string;
  region: string | null;
}

export function publicLocations(locations: Location[], lang: Language): PublicLocation[] {
  return locations.map((l) => ({ country: l.country, name: countryName(l.country, lang), region: l.region ?? null }));
}

/** "Germany (Frankfurt), Ireland": one line for titles and table cells. */
export function locationLine(locations: PublicLocation[]): string {
  return locations.map((l) => (l.region ? `${l.name} (${l.region})` : l.name)).join(", ");
}

/** What the public is told about transfers: only the mechanism's kind, never its safeguards text. */
export interface PublicTransfer {
  outsideEea: boolean;
  mechanism: TransferMechanism["kind"] | null;
  label: string;
}

export function publicTransfer(locations: Location[], mechanism: TransferMechanism | null, lang: Language): PublicTransfer {
  const outsideEea = locations.some((l) => !isInEea(l.country));
  if (!outsideEea) return { outsideEea, mechanism: null, label: translate(lang, "feed.transfer.withinEea") };
  const kind = mechanism?.kind ?? null;
  return { outsideEea, mechanism: kind, label: kind ? translate(lang, `mechanism.${kind}`) : translate(lang, "feed.transfer.noMechanism") };
}

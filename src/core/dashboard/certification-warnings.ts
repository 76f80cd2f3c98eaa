import { securityMeasures } from "../../../db/schema.ts";
import { addDays, localDate } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import type { LocalizedText } from "../kernel/values/values.ts";

/** How far ahead the dashboard warns of a certification running out. */
export const CERTIFICATION_WARNING_DAYS = 60;

export interface CertificationWarning {
  measureId: string;
  measureTitle: LocalizedText;
  certification: string;
  issuer: string | null;
  validUntil: string;
  expired: boolean;
}

/**
 * Certifications the measures rely on that expired or expire within CERTIFICATION_WARNING_DAYS,
 * soonest first: the documents still show them, and an expired one is a finding in every
 * document that names it.
 */
export async function certificationWarnings(ctx: Ctx): Promise<CertificationWarning[]> {
  const today = localDate(ctx.clock.now(), "UTC");
  const horizon = addDays(today, CERTIFICATION_WARNING_DAYS);
  const measures = await ctx.store.db
    .select({ id: securityMeasures.id, title: securityMeasures.title, certifications: securityMeasures.certifications })
    .from(securityMeasures);
  return measures
    .flatMap((m) =>
      m.certifications.flatMap((c): CertificationWarning[] =>
        c.validUntil && c.validUntil <= horizon
          ? [
              {
                measureId: m.id,
                measureTitle: m.title,
                certification: c.name,
                issuer: c.issuer ?? null,
                validUntil: c.validUntil,
                expired: c.validUntil < today,
              },
            ]
          : [],
      ),
    )
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil));
}

// Form parts shared by several register kinds, mirroring the value objects
// of core/model/values.ts. Their words are message keys (see form-spec.ts).
import { ART49_DEROGATIONS, LANGUAGES } from "../../../../core/kernel/values/values.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const countryField = (name: string, fieldLabel = "admin.forms.country", required = true): Field => ({
  type: "text",
  name,
  label: fieldLabel,
  hint: "admin.forms.country.hint",
  required,
  country: true,
});

export const address = (name: string, groupLabel: string): Field => ({
  type: "group",
  name,
  label: groupLabel,
  required: true,
  fields: [
    { type: "text", name: "street", label: "admin.forms.address.street", required: true },
    { type: "text", name: "postalCode", label: "admin.forms.address.postalCode", required: true },
    { type: "text", name: "city", label: "admin.forms.address.city", required: true },
    { type: "text", name: "region", label: "admin.forms.address.region" },
    countryField("country"),
  ],
});

export const contact = (name: string, groupLabel: string, o: { required: boolean; hint?: string }): Field => ({
  type: "group",
  name,
  label: groupLabel,
  required: o.required,
  hint: o.hint,
  fields: [
    { type: "text", name: "name", label: "admin.forms.contact.name" },
    { type: "text", name: "position", label: "admin.forms.contact.position" },
    { type: "text", name: "email", label: "admin.forms.contact.email", input: "email", required: true },
    { type: "text", name: "phone", label: "admin.forms.contact.phone", input: "tel" },
  ],
});

export const languageSelect = (name: string, fieldLabel: string, blank?: string): Field => ({
  type: "select",
  name,
  label: fieldLabel,
  blank,
  choices: codeChoices(LANGUAGES, "admin.forms.language"),
});

export const transferMechanism = (name: string, groupLabel: string, hint?: string): Field => ({
  type: "group",
  name,
  label: groupLabel,
  hint: hint ?? "admin.forms.mechanism.hint",
  fields: [
    {
      type: "select",
      name: "kind",
      label: "admin.forms.mechanism.kind",
      blank: "admin.forms.mechanism.kind.blank",
      choices: codeChoices(["adequacy", "scc", "bcr", "art49_derogation"], "mechanism"),
    },
    {
      type: "select",
      name: "derogation",
      label: "admin.forms.mechanism.derogation",
      hint: "admin.forms.mechanism.derogation.hint",
      blank: "admin.common.none",
      choices: codeChoices(ART49_DEROGATIONS, "derogation"),
    },
    { type: "localized", name: "safeguards", label: "admin.forms.mechanism.safeguards", multiline: true },
  ],
});

const TIME_UNITS = codeChoices(["days", "months", "years"], "admin.forms.unit");

/** A length and unit; inside a repeated row the unit needs a blank choice so a blank row stays blank. */
export const timeLength = (name: string, groupLabel: string): Field => ({
  type: "group",
  name,
  label: groupLabel,
  fields: [
    { type: "number", name: "length", label: "admin.forms.length" },
    { type: "select", name: "unit", label: "admin.forms.unit", blank: "—", choices: TIME_UNITS },
  ],
});

export const retention = (name: string): Field => ({
  type: "variant",
  name,
  label: "admin.forms.retention",
  hint: "admin.forms.retention.hint",
  kind: { label: "admin.forms.retention.kind", blank: "admin.forms.retention.kind.blank" },
  variants: [
    { value: "period", label: "admin.forms.retention.kind.period", fields: [timeLength("period", "admin.forms.retention.period")] },
    {
      value: "event",
      label: "admin.forms.retention.kind.event",
      fields: [
        { type: "localized", name: "event", label: "admin.forms.retention.event", hint: "admin.forms.retention.event.hint" },
        timeLength("offset", "admin.forms.retention.offset"),
      ],
    },
  ],
  common: [{ type: "localized", name: "note", label: "admin.forms.retention.note" }],
});

const CLOCK_UNITS = codeChoices(["calendar_days", "working_days", "months"], "admin.forms.unit");

export const clockPeriod = (name: string, groupLabel: string, o: { required: boolean; hint?: string }): Field => ({
  type: "group",
  name,
  label: groupLabel,
  required: o.required,
  hint: o.hint,
  fields: [
    { type: "number", name: "length", label: "admin.forms.length", required: o.required },
    { type: "select", name: "unit", label: "admin.forms.unit", blank: o.required ? undefined : "—", choices: CLOCK_UNITS },
  ],
});

export const certifications = (name: string): Field => ({
  type: "repeat",
  name,
  label: "admin.forms.certifications",
  item: "admin.forms.item.certification",
  fields: [
    { type: "text", name: "name", label: "admin.forms.certifications.name", required: true },
    { type: "text", name: "issuer", label: "admin.forms.certifications.issuer" },
    { type: "text", name: "validUntil", label: "admin.forms.certifications.validUntil", input: "date" },
  ],
});

/** Joint controllers (Art. 26): a repeatable row each; its address may stay empty. */
export const jointControllers = (name: string, hint: string): Field => ({
  type: "repeat",
  name,
  label: "admin.forms.jointControllers",
  item: "admin.forms.item.jointController",
  hint,
  fields: [
    { type: "text", name: "legalName", label: "admin.forms.party.legalName", required: true },
    { ...address("address", "admin.forms.party.address"), required: false },
    contact("contact", "admin.forms.party.contact", { required: true }),
    { type: "localized", name: "arrangement", label: "admin.forms.jointControllers.arrangement", multiline: true },
  ],
});

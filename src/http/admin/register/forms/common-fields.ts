// Form parts shared by several register kinds, mirroring the value objects
// of core/model/values.ts.
import { label } from "../../../../core/kernel/i18n/localise.ts";
import { ART49_DEROGATIONS, LANGUAGES } from "../../../../core/kernel/values/values.ts";
import { codeChoices, type Field, LANGUAGE_NAMES } from "./form-spec.ts";

const COUNTRY_HINT = "Two-letter ISO code, e.g. BE, DE, US.";

export const countryField = (name: string, fieldLabel = "Country", required = true): Field => ({
  type: "text",
  name,
  label: fieldLabel,
  hint: COUNTRY_HINT,
  required,
  country: true,
});

export const address = (name: string, groupLabel: string): Field => ({
  type: "group",
  name,
  label: groupLabel,
  required: true,
  fields: [
    { type: "text", name: "street", label: "Street and number", required: true },
    { type: "text", name: "postalCode", label: "Postal code", required: true },
    { type: "text", name: "city", label: "City", required: true },
    { type: "text", name: "region", label: "Region" },
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
    { type: "text", name: "name", label: "Name" },
    { type: "text", name: "position", label: "Position" },
    { type: "text", name: "email", label: "E-mail address", input: "email", required: true },
    { type: "text", name: "phone", label: "Phone", input: "tel" },
  ],
});

export const languageSelect = (name: string, fieldLabel: string, blank?: string): Field => ({
  type: "select",
  name,
  label: fieldLabel,
  blank,
  choices: codeChoices(LANGUAGES, (code) => LANGUAGE_NAMES[code as keyof typeof LANGUAGE_NAMES]),
});

export const transferMechanism = (name: string, groupLabel: string, hint?: string): Field => ({
  type: "group",
  name,
  label: groupLabel,
  hint: hint ?? "Leave the kind empty while the mechanism is not decided yet.",
  fields: [
    {
      type: "select",
      name: "kind",
      label: "Kind",
      blank: "Not decided yet",
      choices: codeChoices(["adequacy", "scc", "bcr", "art49_derogation"], (code) => label("en", "mechanism", code)),
    },
    {
      type: "select",
      name: "derogation",
      label: "Art. 49 derogation",
      hint: "Only for a derogation under Art. 49(1).",
      blank: "None",
      choices: codeChoices(ART49_DEROGATIONS, (code) => label("en", "derogation", code)),
    },
    { type: "localized", name: "safeguards", label: "Safeguards", multiline: true },
  ],
});

const TIME_UNITS = codeChoices(["days", "months", "years"]);

/** A length and unit; inside a repeated row the unit needs a blank choice so a blank row stays blank. */
export const timeLength = (name: string, groupLabel: string): Field => ({
  type: "group",
  name,
  label: groupLabel,
  fields: [
    { type: "number", name: "length", label: "Length" },
    { type: "select", name: "unit", label: "Unit", blank: "—", choices: TIME_UNITS },
  ],
});

export const retention = (name: string): Field => ({
  type: "variant",
  name,
  label: "Retention",
  hint: "When the data must be erased: choose the rule, then give the period, or the event and the time after it. Leave the rule empty while it is unknown.",
  kind: { label: "Retention rule", blank: "Not known yet" },
  variants: [
    { value: "period", label: "A fixed period", fields: [timeLength("period", "Period")] },
    {
      value: "event",
      label: "After an event",
      fields: [
        { type: "localized", name: "event", label: "Event", hint: "What starts the clock, e.g. end of the contract." },
        timeLength("offset", "Time after the event"),
      ],
    },
  ],
  common: [{ type: "localized", name: "note", label: "Note" }],
});

const CLOCK_UNITS = codeChoices(["calendar_days", "working_days", "months"]);

export const clockPeriod = (name: string, groupLabel: string, o: { required: boolean; hint?: string }): Field => ({
  type: "group",
  name,
  label: groupLabel,
  required: o.required,
  hint: o.hint,
  fields: [
    { type: "number", name: "length", label: "Length", required: o.required },
    { type: "select", name: "unit", label: "Unit", blank: o.required ? undefined : "—", choices: CLOCK_UNITS },
  ],
});

export const certifications = (name: string): Field => ({
  type: "repeat",
  name,
  label: "Certifications",
  item: "certification",
  fields: [
    { type: "text", name: "name", label: "Certification", required: true },
    { type: "text", name: "issuer", label: "Issuer" },
    { type: "text", name: "validUntil", label: "Valid until", input: "date" },
  ],
});

/** Joint controllers (Art. 26): a repeatable row each; its address may stay empty. */
export const jointControllers = (name: string, hint: string): Field => ({
  type: "repeat",
  name,
  label: "Joint controllers (Art. 26)",
  item: "joint controller",
  hint,
  fields: [
    { type: "text", name: "legalName", label: "Legal name", required: true },
    { ...address("address", "Address"), required: false },
    contact("contact", "Contact", { required: true }),
    { type: "localized", name: "arrangement", label: "Essence of the arrangement", multiline: true },
  ],
});

import { label } from "../../../../core/kernel/i18n/localise.ts";
import { AGREEMENT_STATUSES } from "../../../../core/register/index.ts";
import { clockPeriod, countryField, languageSelect } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

const optionalClock = (name: string, clockLabel: string) => clockPeriod(name, clockLabel, { required: false });

export const agreementForm: Field[] = [
  { type: "reference", name: "customerId", label: "Customer", source: "customers", required: true, blank: "Choose a customer" },
  { type: "text", name: "reference", label: "Reference", required: true, hint: "Unique, e.g. CF-DPA-2024-001." },
  { type: "text", name: "version", label: "Version of the agreement text", required: true },
  {
    type: "select",
    name: "status",
    label: "Status",
    choices: codeChoices(AGREEMENT_STATUSES, (code) => label("en", "agreementStatus", code)),
  },
  { type: "text", name: "signedOn", label: "Signed on", input: "date" },
  { type: "text", name: "endedOn", label: "Ended on", input: "date", hint: "Required once terminated." },
  languageSelect("language", "Language of the agreement", "Choose a language"),
  {
    type: "select",
    name: "authorisation",
    label: "Authorisation of sub-processors",
    required: true,
    blank: "Choose the clause 7.7 option",
    choices: [
      { value: "prior_specific", label: "Prior specific authorisation (option 1)" },
      { value: "general", label: "General written authorisation (option 2)" },
    ],
  },
  {
    type: "group",
    name: "clocks",
    label: "Contract clocks",
    qualifier: "",
    required: true,
    fields: [
      clockPeriod("subProcessorNotice", "Notice before a new sub-processor", { required: true, hint: "The customers' objection window." }),
      optionalClock("auditNotice", "Audit notice"),
      optionalClock("exportWindow", "Export window"),
      optionalClock("deletionOrReturn", "Deletion or return"),
      optionalClock("accountDeactivation", "Account deactivation"),
      optionalClock("termsChangeObjection", "Objection to changed terms"),
      {
        type: "group",
        name: "breachNotification",
        label: "Breach notification",
        hint: "Hours after discovering a personal data breach within which the customer is told; empty: 24 hours (without undue delay).",
        fields: [
          { type: "number", name: "length", label: "Length" },
          { type: "select", name: "unit", label: "Unit", blank: "—", choices: [{ value: "hours", label: "Hours" }] },
        ],
      },
    ],
  },
  countryField("governingCountry", "Governing country"),
  { type: "text", name: "timeZone", label: "Time zone", hint: "IANA name, e.g. Europe/Brussels." },
  {
    type: "references",
    name: "activityIds",
    label: "Processing activities covered",
    source: "activities",
    filter: { role: "processor" },
    hint: "Processor activities only: a DPA covers processing on the customer's behalf.",
  },
];

import { AGREEMENT_STATUSES } from "../../../../core/register/index.ts";
import { clockPeriod, countryField, languageSelect } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

const optionalClock = (name: string) => clockPeriod(name, `admin.forms.agreement.clocks.${name}`, { required: false });

export const agreementForm: Field[] = [
  {
    type: "reference",
    name: "customerId",
    label: "admin.forms.agreement.customerId",
    source: "customers",
    required: true,
    blank: "admin.forms.agreement.customerId.blank",
  },
  {
    type: "text",
    name: "reference",
    label: "admin.forms.agreement.reference",
    required: true,
    hint: "admin.forms.agreement.reference.hint",
  },
  { type: "text", name: "version", label: "admin.forms.agreement.version", required: true },
  { type: "select", name: "status", label: "admin.forms.agreement.status", choices: codeChoices(AGREEMENT_STATUSES, "agreementStatus") },
  { type: "text", name: "signedOn", label: "admin.forms.agreement.signedOn", input: "date" },
  { type: "text", name: "endedOn", label: "admin.forms.agreement.endedOn", input: "date", hint: "admin.forms.agreement.endedOn.hint" },
  languageSelect("language", "admin.forms.agreement.language", "admin.forms.agreement.language.blank"),
  {
    type: "select",
    name: "authorisation",
    label: "admin.forms.agreement.authorisation",
    required: true,
    blank: "admin.forms.agreement.authorisation.blank",
    choices: codeChoices(["prior_specific", "general"], "admin.forms.agreement.authorisation"),
  },
  {
    type: "group",
    name: "clocks",
    label: "admin.forms.agreement.clocks",
    qualifier: "",
    required: true,
    fields: [
      clockPeriod("subProcessorNotice", "admin.forms.agreement.clocks.subProcessorNotice", {
        required: true,
        hint: "admin.forms.agreement.clocks.subProcessorNotice.hint",
      }),
      optionalClock("auditNotice"),
      optionalClock("exportWindow"),
      optionalClock("deletionOrReturn"),
      optionalClock("accountDeactivation"),
      optionalClock("termsChangeObjection"),
      {
        type: "group",
        name: "breachNotification",
        label: "admin.forms.agreement.clocks.breachNotification",
        hint: "admin.forms.agreement.clocks.breachNotification.hint",
        fields: [
          { type: "number", name: "length", label: "admin.forms.length" },
          { type: "select", name: "unit", label: "admin.forms.unit", blank: "—", choices: codeChoices(["hours"], "admin.forms.unit") },
        ],
      },
    ],
  },
  countryField("governingCountry", "admin.forms.agreement.governingCountry"),
  { type: "text", name: "timeZone", label: "admin.forms.agreement.timeZone", hint: "admin.forms.agreement.timeZone.hint" },
  {
    type: "references",
    name: "activityIds",
    label: "admin.forms.agreement.activityIds",
    source: "activities",
    filter: { role: "processor" },
    hint: "admin.forms.agreement.activityIds.hint",
  },
];

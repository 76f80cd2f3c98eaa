import { SUB_PROCESSOR_STATUSES } from "../../../../core/register/index.ts";
import { address, contact, countryField, transferMechanism } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const subProcessorForm: Field[] = [
  { type: "text", name: "legalName", label: "admin.forms.party.legalName", required: true },
  { type: "text", name: "reference", label: "admin.forms.subProcessor.reference", hint: "admin.forms.subProcessor.reference.hint" },
  { type: "text", name: "companyNumber", label: "admin.forms.party.companyNumber" },
  {
    type: "select",
    name: "status",
    label: "admin.forms.subProcessor.status",
    hint: "admin.forms.subProcessor.status.hint",
    choices: codeChoices(SUB_PROCESSOR_STATUSES, "admin.forms.subProcessorStatus"),
  },
  {
    type: "localized",
    name: "service",
    label: "admin.forms.subProcessor.service",
    required: true,
    hint: "admin.forms.subProcessor.service.hint",
  },
  { type: "localized", name: "processingDescription", label: "admin.forms.subProcessor.processingDescription", multiline: true },
  address("address", "admin.forms.party.address"),
  contact("contact", "admin.forms.party.contact", { required: true }),
  {
    type: "repeat",
    name: "locations",
    label: "admin.forms.subProcessor.locations",
    hint: "admin.forms.subProcessor.locations.hint",
    required: true,
    item: "admin.forms.item.location",
    fields: [countryField("country"), { type: "text", name: "region", label: "admin.forms.address.region" }],
  },
  transferMechanism("transferMechanism", "admin.forms.subProcessor.transferMechanism", "admin.forms.subProcessor.transferMechanism.hint"),
  { type: "references", name: "activityIds", label: "admin.forms.subProcessor.activityIds", source: "activities" },
  {
    type: "reference",
    name: "parentId",
    label: "admin.forms.subProcessor.parentId",
    source: "sub-processors",
    blank: "admin.forms.subProcessor.parentId.blank",
  },
];

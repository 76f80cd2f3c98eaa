import { SUB_PROCESSOR_STATUSES } from "../../../../core/register/index.ts";
import { address, contact, countryField, transferMechanism } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const subProcessorForm: Field[] = [
  { type: "text", name: "legalName", label: "Legal name", required: true },
  {
    type: "text",
    name: "reference",
    label: "Reference",
    hint: "Optional and unique, e.g. AWS or the procurement system's vendor id; pages and the API accept it wherever they accept the id.",
  },
  { type: "text", name: "companyNumber", label: "Company number" },
  {
    type: "select",
    name: "status",
    label: "Status",
    hint: "New sub-processors are normally proposed and announced to customers from the Changes pages.",
    choices: codeChoices(SUB_PROCESSOR_STATUSES),
  },
  { type: "localized", name: "service", label: "Service", required: true, hint: "What it does for the organisation, e.g. hosting or OCR." },
  { type: "localized", name: "processingDescription", label: "Description of the processing", multiline: true },
  address("address", "Address"),
  contact("contact", "Contact", { required: true }),
  {
    type: "repeat",
    name: "locations",
    label: "Processing locations",
    hint: "At least one.",
    required: true,
    item: "location",
    fields: [countryField("country"), { type: "text", name: "region", label: "Region" }],
  },
  transferMechanism("transferMechanism", "Transfer mechanism", "Needed for an active sub-processor with a location outside the EEA."),
  { type: "references", name: "activityIds", label: "Processing activities served", source: "activities" },
  {
    type: "reference",
    name: "parentId",
    label: "Engaged by (parent sub-processor)",
    source: "sub-processors",
    blank: "Nobody: engaged directly",
  },
];

import { label } from "../../../core/kernel/i18n/localise.ts";
import {
  type Activity,
  type Agreement,
  type AnyEntityKind,
  type Customer,
  type DataCategory,
  displayName,
  ENTITY_KINDS,
  type EntityMeta,
  type EntityPath,
  type SecurityMeasure,
  type SubjectCategory,
  type SubProcessor,
} from "../../../core/register/index.ts";
import type { Context } from "hono";
import type { Permission } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { terminationSection } from "../obligations/agreement-termination.ts";
import { type Html, html } from "../ui/html.ts";
import { customerAuditSection } from "../customer-audits/audit-pages.ts";
import { activityForm } from "./forms/activity-form.ts";
import { agreementForm } from "./forms/agreement-form.ts";
import { customerForm } from "./forms/customer-form.ts";
import { dataCategoryForm } from "./forms/data-category-form.ts";
import { type Field, readable } from "./forms/form-spec.ts";
import { securityMeasureForm } from "./forms/security-measure-form.ts";
import { subjectCategoryForm } from "./forms/subject-category-form.ts";
import { subProcessorForm } from "./forms/sub-processor-form.ts";

/** A list column: plain text, or the name of a referenced entity (loaded for the whole page at once). */
export type Column<E> = { label: string; text(entity: E): string } | { label: string; source: EntityPath; id(entity: E): string | null };

/** How the admin UI shows one register kind; the rules live in the core kind. */
export interface KindPage<E extends EntityMeta = EntityMeta> {
  segment: EntityPath;
  /** Lower case, for "New …", "Add …". */
  singular: string;
  /** The list page's title. */
  plural: string;
  fields: Field[];
  /** Fields the register manages itself, shown on the view page only. */
  managedFields?: Field[];
  writePermission: Permission;
  title(entity: E): string;
  columns: Column<E>[];
  /** More on the view page, after the fields: for an agreement, its termination and the duties it started. */
  section?(c: Context<AppEnv>, entity: E): Promise<Html>;
}

const dataCategories: KindPage<DataCategory> = {
  segment: "data-categories",
  singular: "data category",
  plural: "Data categories",
  fields: dataCategoryForm,
  writePermission: "register:write",
  title: (e) => displayName(e.name),
  columns: [{ label: "Special category", text: (e) => (e.special === "none" ? "No" : label("en", "special", e.special)) }],
};

const subjectCategories: KindPage<SubjectCategory> = {
  segment: "subject-categories",
  singular: "subject category",
  plural: "Subject categories",
  fields: subjectCategoryForm,
  writePermission: "register:write",
  title: (e) => displayName(e.name),
  columns: [{ label: "Description", text: (e) => (e.description ? displayName(e.description) : "—") }],
};

const securityMeasures: KindPage<SecurityMeasure> = {
  segment: "security-measures",
  singular: "security measure",
  plural: "Security measures",
  fields: securityMeasureForm,
  writePermission: "register:write",
  title: (e) => displayName(e.title),
  columns: [{ label: "Annex III heading", text: (e) => label("en", "annexIII", e.heading) }],
};

const activities: KindPage<Activity> = {
  segment: "activities",
  singular: "activity",
  plural: "Activities",
  fields: activityForm,
  writePermission: "register:write",
  title: (e) => displayName(e.name),
  columns: [
    { label: "Role", text: (e) => readable(e.role) },
    { label: "Status", text: (e) => readable(e.status) },
    { label: "Data categories", text: (e) => String(e.dataCategories.length) },
  ],
};

const subProcessors: KindPage<SubProcessor> = {
  segment: "sub-processors",
  singular: "sub-processor",
  plural: "Sub-processors",
  fields: subProcessorForm,
  writePermission: "sub-processors:write",
  managedFields: [
    {
      type: "references",
      name: "excludedAgreementIds",
      label: "Agreements it does not serve (set by objection resolutions)",
      source: "agreements",
    },
  ],
  title: (e) => e.legalName,
  columns: [
    { label: "Reference", text: (e) => e.reference ?? "—" },
    { label: "Service", text: (e) => displayName(e.service) },
    { label: "Locations", text: (e) => e.locations.map((l) => l.country).join(", ") },
    { label: "Status", text: (e) => readable(e.status) },
  ],
};

const customers: KindPage<Customer> = {
  segment: "customers",
  singular: "customer",
  plural: "Customers",
  fields: customerForm,
  writePermission: "register:write",
  title: (e) => e.legalName,
  columns: [
    { label: "Reference", text: (e) => e.reference ?? "—" },
    { label: "Country", text: (e) => e.address.country },
    { label: "Contact", text: (e) => e.contact.email },
  ],
};

const agreements: KindPage<Agreement> = {
  segment: "agreements",
  singular: "agreement",
  plural: "Agreements",
  fields: agreementForm,
  writePermission: "register:write",
  title: (e) => e.reference,
  columns: [
    { label: "Customer", source: "customers", id: (e) => e.customerId },
    { label: "Status", text: (e) => label("en", "agreementStatus", e.status) },
    { label: "Signed on", text: (e) => e.signedOn ?? "—" },
  ],
  section: async (c, agreement) => html`${await terminationSection(c, agreement)}${await customerAuditSection(c, agreement)}`,
};

/** Every register kind's pages, in the order of the navigation. */
export const KIND_PAGES = [
  activities,
  dataCategories,
  subjectCategories,
  securityMeasures,
  subProcessors,
  customers,
  agreements,
] as unknown as KindPage[];

export function kindPage(segment: EntityPath): KindPage {
  const page = KIND_PAGES.find((p) => p.segment === segment);
  if (!page) throw new Error(`No admin pages for ${segment}`);
  return page;
}

/** The core kind behind a page: its rules, use cases and removal. */
export const coreKind = (page: KindPage): AnyEntityKind => ENTITY_KINDS[page.segment];

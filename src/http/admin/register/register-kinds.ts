import { label, type Params, pick, pickRequired } from "../../../core/kernel/i18n/localise.ts";
import {
  type Activity,
  type Agreement,
  type AnyEntityKind,
  type Customer,
  type DataCategory,
  ENTITY_KINDS,
  type EntityMeta,
  type EntityPath,
  type SecurityMeasure,
  type SubjectCategory,
  type SubProcessor,
} from "../../../core/register/index.ts";
import type { Context } from "hono";
import type { Permission } from "../../../core/kernel/roles.ts";
import type { LocalizedText } from "../../../core/kernel/values/values.ts";
import type { AppEnv } from "../../env.ts";
import { terminationSection } from "../obligations/agreement-termination.ts";
import { type Html, html } from "../ui/html.ts";
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";
import { customerAuditSection } from "../customer-audits/audit-pages.ts";
import { activityForm } from "./forms/activity-form.ts";
import { agreementForm } from "./forms/agreement-form.ts";
import { customerForm } from "./forms/customer-form.ts";
import { dataCategoryForm } from "./forms/data-category-form.ts";
import type { Field } from "./forms/form-spec.ts";
import { securityMeasureForm } from "./forms/security-measure-form.ts";
import { subjectCategoryForm } from "./forms/subject-category-form.ts";
import { subProcessorForm } from "./forms/sub-processor-form.ts";

/**
 * A list column: plain text, or the name of a referenced entity (loaded for the whole page at once).
 * `heading` is the message key of its heading, looked up when the page is drawn, in the page's language.
 */
export type Column<E> =
  | { heading: string; text(entity: E): string }
  | { heading: string; source: EntityPath; id(entity: E): string | null };

/** How the admin UI shows one register kind; the rules live in the core kind. */
export interface KindPage<E extends EntityMeta = EntityMeta> {
  /** The kind's path, and the middle of its messages' keys (admin.register.kind.<segment>.…). */
  segment: EntityPath;
  fields: Field[];
  /** Fields the register manages itself, shown on the view page only. */
  managedFields?: Field[];
  writePermission: Permission;
  title(entity: E): string;
  columns: Column<E>[];
  /** More on the view page, after the fields: for an agreement, its termination and the duties it started. */
  section?(c: Context<AppEnv>, entity: E): Promise<Html>;
}

/**
 * A sentence about one kind ("New activity", "Delete this data category?"), in the page's language.
 * Each kind has its own sentences rather than a noun put into shared ones: in French and Dutch the
 * articles, demonstratives and participles around the noun follow its gender.
 */
export const kindText = (page: KindPage, what: string, params?: Params): string => t(`admin.register.kind.${page.segment}.${what}`, params);

/** Register text (a LocalizedText) in the page's language, else the first language it was given in. */
const inUiLanguage = (text: LocalizedText): string => pickRequired(text, uiLanguage());

const dataCategories: KindPage<DataCategory> = {
  segment: "data-categories",
  fields: dataCategoryForm,
  writePermission: "register:write",
  title: (e) => inUiLanguage(e.name),
  columns: [
    {
      heading: "admin.register.column.specialCategory",
      text: (e) => (e.special === "none" ? t("admin.common.no") : label(uiLanguage(), "special", e.special)),
    },
  ],
};

const subjectCategories: KindPage<SubjectCategory> = {
  segment: "subject-categories",
  fields: subjectCategoryForm,
  writePermission: "register:write",
  title: (e) => inUiLanguage(e.name),
  columns: [{ heading: "admin.register.column.description", text: (e) => pick(e.description, uiLanguage()) ?? "—" }],
};

const securityMeasures: KindPage<SecurityMeasure> = {
  segment: "security-measures",
  fields: securityMeasureForm,
  writePermission: "register:write",
  title: (e) => inUiLanguage(e.title),
  columns: [{ heading: "admin.register.column.annexIII", text: (e) => label(uiLanguage(), "annexIII", e.heading) }],
};

const activities: KindPage<Activity> = {
  segment: "activities",
  fields: activityForm,
  writePermission: "register:write",
  title: (e) => inUiLanguage(e.name),
  columns: [
    { heading: "admin.register.column.role", text: (e) => label(uiLanguage(), "role", e.role) },
    { heading: "admin.common.status", text: (e) => t(`admin.register.activityStatus.${e.status}`) },
    { heading: "admin.register.column.dataCategories", text: (e) => String(e.dataCategories.length) },
  ],
};

const subProcessors: KindPage<SubProcessor> = {
  segment: "sub-processors",
  fields: subProcessorForm,
  writePermission: "sub-processors:write",
  managedFields: [
    {
      type: "references",
      name: "excludedAgreementIds",
      label: "admin.register.subProcessor.excludedAgreements",
      source: "agreements",
    },
  ],
  title: (e) => e.legalName,
  columns: [
    { heading: "admin.common.reference", text: (e) => e.reference ?? "—" },
    { heading: "admin.register.column.service", text: (e) => inUiLanguage(e.service) },
    { heading: "admin.register.column.locations", text: (e) => e.locations.map((l) => l.country).join(", ") },
    { heading: "admin.common.status", text: (e) => t(`admin.register.subProcessorStatus.${e.status}`) },
  ],
};

const customers: KindPage<Customer> = {
  segment: "customers",
  fields: customerForm,
  writePermission: "register:write",
  title: (e) => e.legalName,
  columns: [
    { heading: "admin.common.reference", text: (e) => e.reference ?? "—" },
    { heading: "admin.register.column.country", text: (e) => e.address.country },
    { heading: "admin.register.column.contact", text: (e) => e.contact.email },
  ],
};

const agreements: KindPage<Agreement> = {
  segment: "agreements",
  fields: agreementForm,
  writePermission: "register:write",
  title: (e) => e.reference,
  columns: [
    { heading: "admin.register.column.customer", source: "customers", id: (e) => e.customerId },
    { heading: "admin.common.status", text: (e) => label(uiLanguage(), "agreementStatus", e.status) },
    { heading: "admin.register.column.signedOn", text: (e) => (e.signedOn ? uiDate(e.signedOn) : "—") },
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

import type { Language } from "../../kernel/values/values.ts";
import type { Finding } from "../completeness/finding.ts";

/** What a document says, before it is given a format. */
export interface DocumentContent<Body extends object = object> {
  /** The template in templates/ that lays it out. */
  template: string;
  language: Language;
  title: string;
  /** The subject as it appears in the title block and file name, e.g. the agreement reference. */
  subject: string;
  /** Missing statutory content; shown in the document only in draft mode. */
  findings: Finding[];
  body: Body;
  /** Art. 30 records only: one row per activity, columns in the order of the Art. 30 items. */
  table?: { header: string[]; rows: string[][] };
}

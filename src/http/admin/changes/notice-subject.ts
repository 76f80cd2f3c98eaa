import type { NoticeView } from "../../../core/changes/index.ts";
import { seg } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";
import { changeTitle } from "./labels.ts";

/** Where an admin page about a notice links for what the notice is about, and what it calls it. */
export function noticeSubjectLink(view: NoticeView): { href: string; name: string; title: string; section: [string, string] } {
  const id = seg(view.notice.changeId);
  if (view.about.type === "terms_change") {
    const name = t("admin.terms.versionTitle", { version: view.about.change.version });
    return { href: `/admin/terms-changes/${id}`, name, title: name, section: ["/admin/terms-changes", t("admin.terms.title")] };
  }
  const { facts } = view.about;
  return {
    href: `/admin/changes/${id}`,
    name: facts.vendor.legalName,
    title: changeTitle(facts.vendor.legalName, facts.change.kind),
    section: ["/admin/changes", t("admin.changes.title")],
  };
}

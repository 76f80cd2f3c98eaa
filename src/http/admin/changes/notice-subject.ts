import type { NoticeView } from "../../../core/changes/index.ts";
import { seg } from "../ui/html.ts";
import { KIND_LABELS, label } from "./labels.ts";

/** Where an admin page about a notice links for what the notice is about, and what it calls it. */
export function noticeSubjectLink(view: NoticeView): { href: string; name: string; title: string; section: [string, string] } {
  const id = seg(view.notice.changeId);
  if (view.about.type === "terms_change") {
    const name = `Terms version ${view.about.change.version}`;
    return { href: `/admin/terms-changes/${id}`, name, title: name, section: ["/admin/terms-changes", "Terms changes"] };
  }
  const { facts } = view.about;
  return {
    href: `/admin/changes/${id}`,
    name: facts.vendor.legalName,
    title: `${facts.vendor.legalName}: ${label(KIND_LABELS, facts.change.kind)}`,
    section: ["/admin/changes", "Sub-processor changes"],
  };
}

import { termsUnderWay } from "../../../core/changes/index.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { type Html, html, seg } from "../ui/html.ts";

/** Announced changes of the terms: when they apply, until when customers may object, and who did. */
export async function termsSection(ctx: Ctx): Promise<Html> {
  const changes = await termsUnderWay(ctx);
  if (changes.length === 0) return html`<p>No change of the terms is announced.</p>`;
  return html`<table><thead><tr><th scope="col">Terms</th><th scope="col">Agreements told</th><th scope="col">Last day to object</th><th scope="col">Applies from</th><th scope="col">Objections (on time / late)</th></tr></thead>
<tbody>${changes.map(
    (t) =>
      html`<tr><td><a href="/admin/terms-changes/${seg(t.id)}">Terms version ${t.version}</a></td><td>${t.notified}</td><td>${t.lastWindowDay ?? "—"}</td><td>${t.appliesFrom}</td><td>${t.objectedInTime} / ${t.lateObjections}</td></tr>`,
  )}</tbody></table>
<p class="hint">A customer who objects in time keeps its current terms and may terminate; the others move to the new version on the day it applies.</p>`;
}

import type { Hono } from "hono";
import { latestCheckpoint } from "../../../core/kernel/audit/checkpoints.ts";
import { lastVerification, verifyRegister } from "../../../core/evidence/index.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { postButton } from "../ui/fields.ts";
import { type Html, html, instant, nothing } from "../ui/html.ts";

const PROBLEMS_SHOWN = 5;
export const VERIFY_PATH = "/admin/verification";

/** The last verification of the register and the newest signed checkpoint, with a button to verify now (admins). */
export async function evidenceSection(ctx: Ctx, options: { csrf: string; mayVerify: boolean }): Promise<Html> {
  const [last, checkpoint] = await Promise.all([lastVerification(ctx.store), latestCheckpoint(ctx.store.db)]);
  const result = !last
    ? html`<p>The register has not been verified yet.</p>`
    : last.ok
      ? html`<p><span class="badge ok">verified</span> ${instant(last.at)} (${last.trigger}): ${last.entries} audit entries form one chain and every record matches its trail.</p>`
      : html`<p><span class="badge late">NOT verified</span> ${instant(last.at)} (${last.trigger}): ${last.problems.length} ${last.problems.length === 1 ? "problem" : "problems"}, the first broken entry first.</p>
<ul>${last.problems.slice(0, PROBLEMS_SHOWN).map((p) => html`<li>${p.message}</li>`)}${last.problems.length > PROBLEMS_SHOWN ? html`<li>and ${last.problems.length - PROBLEMS_SHOWN} more</li>` : nothing}</ul>`;
  const signed = checkpoint
    ? html`<p>Newest signed checkpoint: ${checkpoint.size} entries, head <code>${checkpoint.head.slice(0, 16)}…</code>, signed ${instant(checkpoint.at)} with key <code>${checkpoint.keyId}</code>. <a href="/public/checkpoints">All checkpoints</a> (public, also as <a href="/public/checkpoints.atom">Atom</a>).</p>`
    : html`<p>No signed checkpoint yet.</p>`;
  return html`${result}${signed}${options.mayVerify ? postButton({ action: VERIFY_PATH, label: "Verify now", csrf: options.csrf }) : nothing}`;
}

/** Runs the verification from the dashboard and goes back to it, where the result shows. */
export function registerVerificationAction(app: Hono<AppEnv>, deps: Pick<AppWiring, "checkpoints">): void {
  adminRoute(app, "POST", VERIFY_PATH, "operations:run", async (c) => {
    await verifyRegister(c.get("ctx"), { trigger: "admin", trustedKeys: deps.checkpoints?.trusted ?? [] });
    return c.redirect("/admin#evidence", 303);
  });
}

import type { Hono } from "hono";
import { latestCheckpoint } from "../../../core/kernel/audit/checkpoints.ts";
import { lastVerification, verifyRegister } from "../../../core/evidence/index.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { VERIFICATION_TRIGGERS } from "../../../core/kernel/values/values.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { postButton } from "../ui/fields.ts";
import { type Html, html, instant, nothing } from "../ui/html.ts";
import { t, uiNumber } from "../ui/ui-language.ts";
import { counted, withMarkup } from "../ui/ui-text.ts";

const PROBLEMS_SHOWN = 5;
export const VERIFY_PATH = "/admin/verification";

/** What started a verification, in words (a trigger the catalogue does not know is shown as its code). */
const triggerLabel = (trigger: string): string =>
  (VERIFICATION_TRIGGERS as readonly string[]).includes(trigger) ? t(`admin.dashboard.evidence.trigger.${trigger}`) : trigger;

type Verification = NonNullable<Awaited<ReturnType<typeof lastVerification>>>;

function verificationResult(last: Verification | null): Html {
  if (!last) return html`<p>${t("admin.dashboard.evidence.never")}</p>`;
  const at = instant(last.at);
  const trigger = triggerLabel(last.trigger);
  if (last.ok)
    return html`<p><span class="badge ok">${t("admin.dashboard.evidence.verified")}</span> ${t("admin.dashboard.evidence.ok", { at, trigger, entries: uiNumber(last.entries) })}</p>`;
  return html`<p><span class="badge late">${t("admin.dashboard.evidence.notVerified")}</span> ${counted("admin.dashboard.evidence.problems", last.problems.length, { at, trigger })}</p>
<ul>${last.problems.slice(0, PROBLEMS_SHOWN).map((p) => html`<li>${p.message}</li>`)}${last.problems.length > PROBLEMS_SHOWN ? html`<li>${t("admin.dashboard.andMore", { n: last.problems.length - PROBLEMS_SHOWN })}</li>` : nothing}</ul>`;
}

/** The last verification of the register and the newest signed checkpoint, with a button to verify now (admins). */
export async function evidenceSection(ctx: Ctx, options: { csrf: string; mayVerify: boolean }): Promise<Html> {
  const [last, checkpoint] = await Promise.all([lastVerification(ctx.store), latestCheckpoint(ctx.store.db)]);
  const signed = checkpoint
    ? html`<p>${withMarkup(
        "admin.dashboard.evidence.checkpoint",
        {
          head: html`<code>${checkpoint.head.slice(0, 16)}…</code>`,
          key: html`<code>${checkpoint.keyId}</code>`,
          all: html`<a href="/public/checkpoints">${t("admin.dashboard.evidence.allCheckpoints")}</a>`,
          atom: html`<a href="/public/checkpoints.atom">Atom</a>`,
        },
        { size: uiNumber(checkpoint.size), at: instant(checkpoint.at) },
      )}</p>`
    : html`<p>${t("admin.dashboard.evidence.noCheckpoint")}</p>`;
  return html`${verificationResult(last)}${signed}${options.mayVerify ? postButton({ action: VERIFY_PATH, label: t("admin.dashboard.evidence.verifyNow"), csrf: options.csrf }) : nothing}`;
}

/** Runs the verification from the dashboard and goes back to it, where the result shows. */
export function registerVerificationAction(app: Hono<AppEnv>, deps: Pick<AppWiring, "checkpoints">): void {
  adminRoute(app, "POST", VERIFY_PATH, "operations:run", async (c) => {
    await verifyRegister(c.get("ctx"), { trigger: "admin", trustedKeys: deps.checkpoints?.trusted ?? [] });
    return c.redirect("/admin#evidence", 303);
  });
}

import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  AUTHORISATION_DECISIONS,
  checkObjectionToken,
  decideAuthorisation,
  noticeView,
  type NoticeView,
  recordObjection,
} from "../../core/changes/index.ts";
import { type Actor, type Ctx, makeCtx } from "../../core/kernel/context.ts";
import { AppError } from "../../core/kernel/errors.ts";
import { translate } from "../../core/kernel/i18n/localise.ts";
import { parseInput } from "../../core/kernel/input/parse-input.ts";
import type { Language } from "../../core/kernel/values/values.ts";
import { FieldErrors } from "../admin/ui/fields.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { readForm } from "../forms/form-reader.ts";
import { answerReceipt, closedPage, noticePage, objectionReceipt, refusedPage } from "./objection-views.ts";

/**
 * The customer's objection page, reached from the notice e-mail without an
 * account, in the agreement's language: GET shows the change (of
 * sub-processors or of the terms) and the deadline, POST records the objection
 * (or, for an option-1 notice, the authorisation answer) through the same use
 * cases the API uses. The signed token is the only credential and opens one
 * notice; a bad signature is a 404, an expired link a 410, and neither says
 * anything about any notice. Cross-site posts are refused before this runs
 * (register-admin.ts).
 */
function formsIn(lang: Language) {
  const t = (key: string) => translate(lang, `objection.${key}`);
  const contact = {
    name: z.string().trim().min(1, t("form.nameMissing")).max(200),
    email: z.email(t("form.emailInvalid")).max(320),
  };
  return {
    objection: z.object({ grounds: z.string().trim().min(1, t("form.groundsMissing")).max(19_000), ...contact }),
    answer: z.object({
      decision: z.enum(AUTHORISATION_DECISIONS, t("answer.decisionMissing")),
      note: z.string().trim().max(4_000).optional(),
      ...contact,
    }),
  };
}
/** The forms' schemas with their messages in each language, built once (a schema costs far more to build than to use). */
const FORMS = { en: formsIn("en"), nl: formsIn("nl"), fr: formsIn("fr") } satisfies Record<Language, ReturnType<typeof formsIn>>;

/** Who the audit log names: the link's holder, not a user of the register. */
const linkActor = (noticeId: string): Actor => ({ id: `notice-link:${noticeId}`, name: "customer via the notice link", role: "read-only" });

/** The contact the form asked for travels with the customer's own words (the use cases have no contact field). */
const signed = (text: string | undefined, form: { name: string; email: string }) =>
  `${text ? `${text}\n\n` : ""}Sent through the notice link by ${form.name} <${form.email}>.`;

export function registerObjectionPages(app: Hono<AppEnv>, deps: AppWiring): void {
  /** The notice the token opens, or the refusal page to answer with. */
  async function open(c: Context): Promise<{ ctx: Ctx; view: NoticeView; token: string } | Response> {
    const token = c.req.param("token") ?? "";
    const check = await checkObjectionToken(makeCtx(deps.store, linkActor("unknown"), deps.clock), token);
    if (check.status !== "valid") return refusedPage(c, check.status === "expired" ? 410 : 404);
    const ctx = makeCtx(deps.store, linkActor(check.noticeId), deps.clock);
    try {
      return { ctx, view: await noticeView(ctx, check.noticeId), token };
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return refusedPage(c, 404);
      throw error;
    }
  }

  app.get("/object/:token", async (c) => {
    const opened = await open(c);
    if (opened instanceof Response) return opened;
    return noticePage(c, opened.view, opened.token, deps.clock.now(), { errors: new FieldErrors(), values: {} });
  });

  app.post("/object/:token", async (c) => {
    const opened = await open(c);
    if (opened instanceof Response) return opened;
    const { ctx, view, token } = opened;
    if (view.notice.status === "closed") return closedPage(c, view);
    const { values } = await readForm(c);
    const lang = view.agreement.language;
    const forms = FORMS[lang];
    const retry = (error: AppError) => noticePage(c, view, token, deps.clock.now(), { errors: new FieldErrors(error.issues), values }, 422);
    // A link reaches one notice: a handful of submissions is plenty; a flood would fill the DPO's mailbox.
    const wait = deps.limits.objectionsPerLink.take(view.notice.id);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      const busy = new FieldErrors([
        { path: "(body)", message: translate(lang, "objection.busy", { minutes: Math.max(1, Math.ceil(wait / 60)) }) },
      ]);
      return noticePage(c, view, token, deps.clock.now(), { errors: busy, values }, 429);
    }
    try {
      if (view.notice.kind === "authorisation_request") {
        const form = parseInput(forms.answer, values);
        if (view.notice.authorisation === form.decision) {
          return retry(
            new AppError("validation", "Same answer.", [{ path: "decision", message: translate(lang, "objection.answer.same") }]),
          );
        }
        const decided = await decideAuthorisation(ctx, view.notice.id, {
          decision: form.decision,
          note: signed(form.note || undefined, form),
        });
        return answerReceipt(c, view, form.decision, decided.authorisationDecidedAt ?? decided.updatedAt, token);
      }
      const form = parseInput(forms.objection, values);
      // Sent twice (a double click, a reload), the same objection is recorded once and shows the same receipt.
      const objection = await recordObjection(
        ctx,
        view.notice.id,
        { grounds: signed(form.grounds, form), channel: "link" },
        { sameTwiceIsOnce: true, receiptTo: form.email },
      );
      return objectionReceipt(c, view, objection, token);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "validation") return retry(error);
      if (error.code !== "conflict") throw error;
      // The notice changed between reading and writing: closed (the change took effect or was withdrawn), or answered meanwhile.
      const fresh = await noticeView(ctx, view.notice.id);
      if (fresh.notice.status === "closed") return closedPage(c, fresh);
      const changed = new FieldErrors([{ path: "(body)", message: translate(lang, "objection.changed") }]);
      return noticePage(c, fresh, token, deps.clock.now(), { errors: changed, values }, 409);
    }
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { formatDate, type Params, translate } from "../../kernel/i18n/localise.ts";
import { type MessageKind, type OutboxRow, outboxRow } from "../../outbox/index.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { NoticeParty } from "./notice-windows.ts";

/**
 * The e-mail telling each customer whose notice was open that the change it
 * announced is withdrawn, in the agreement's language, from the catalogue's
 * `<key>.subject` and `<key>.body` (with processor, reference, announcedOn,
 * noticeId and reason, plus `params`).
 */
export function withdrawalMails(
  ctx: Ctx,
  open: ChangeNotice[],
  told: NoticeParty[],
  message: { kind: MessageKind; key: string; processor: string; announcedAt: string; reason: string; params: Params },
  at: string,
): OutboxRow[] {
  const parties = new Map(told.map((p) => [p.id, p]));
  return open.flatMap((notice) => {
    const party = parties.get(notice.agreementId);
    if (!party) return [];
    const lang = party.language;
    const params = {
      processor: message.processor,
      reference: party.reference,
      announcedOn: formatDate(message.announcedAt, lang),
      noticeId: notice.id,
      reason: message.reason,
      ...message.params,
    };
    const mail = {
      kind: message.kind,
      recipient: party.contact.email,
      subject: translate(lang, `${message.key}.subject`, params),
      body: translate(lang, `${message.key}.body`, params),
      related: { type: "change_notice", id: notice.id },
    };
    return [outboxRow(ctx, mail, at)];
  });
}

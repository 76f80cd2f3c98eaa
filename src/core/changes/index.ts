/**
 * Sub-processor changes: proposed, announced to the agreements they affect (notices with objection windows), objected to, decided, and taking effect or withdrawn.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { DEFAULT_TIME_ZONE } from "./announcement/affected-agreements.ts";
export { announceChange } from "./announcement/announce-change.ts";
export { endOfLastDay, zonedTime } from "./announcement/deadline-words.ts";
export { changeLine, dpoEmail, maxDate } from "./announcement/mail-text.ts";
export { aboutStatus, noticeView } from "./announcement/notice-view.ts";
export type { NoticeAbout, NoticeView } from "./announcement/notice-view.ts";
export { DEFAULT_PUBLIC_BASE_URL, checkObjectionToken, existingObjectionLinks } from "./announcement/objection-link.ts";
export { ClockQuery, agreementClocks } from "./lifecycle/agreement-clocks.ts";
export type { Verdict } from "./lifecycle/change-state.ts";
export { LIFECYCLE_ACTOR, runLifecycle } from "./lifecycle/run-lifecycle.ts";
export type { LifecycleOptions } from "./lifecycle/run-lifecycle.ts";
export { WINDOW_REMINDER_DAYS } from "./lifecycle/window-reminders.ts";
export {
  AUTHORISATION_DECISIONS,
  AuthorisationInput,
  ChangeNotice,
  Objection,
  ObjectionInput,
  RESOLUTIONS,
  ResolutionInput,
} from "./model/change-notice.ts";
export { AnnounceInput, CHANGE_KINDS, ChangeProposalInput, SubProcessorChange, WithdrawInput } from "./model/sub-processor-change.ts";
export type { ChangeKind } from "./model/sub-processor-change.ts";
export { decideAuthorisation, excludeAgreement } from "./objections/decide-authorisation.ts";
export { recordObjection } from "./objections/record-objection.ts";
export { resolveObjection } from "./objections/resolve-objection.ts";
export { activityNames } from "./proposal/change-facts.ts";
export { proposeChange } from "./proposal/propose-change.ts";
export { withdrawChange } from "./proposal/withdraw-change.ts";
export {
  ChangeListQuery,
  NoticeListQuery,
  ObjectionListQuery,
  changeDetail,
  listChanges,
  listNotices,
  listObjections,
  pendingChanges,
} from "./queries/change-records.ts";
export type { ChangeDetail } from "./queries/change-records.ts";
export { findNotice, findObjection } from "./queries/change-rows.ts";
export { changeSummaries, noticeLines, objectionLines } from "./queries/change-summaries.ts";
export type { ChangeSummary, NoticeLine, ObjectionLine } from "./queries/change-summaries.ts";
export { CLEARANCE_STATUSES, ClearanceQuery, clearance } from "./queries/clearance.ts";
export { noticesWithParties } from "./queries/notice-parties.ts";
export { AnnounceTermsInput, TermsChange, TermsChangeInput, TermsChangeListQuery } from "./model/terms-change.ts";
export { announceTermsChange } from "./terms/announce-terms-change.ts";
export { proposeTermsChange } from "./terms/propose-terms-change.ts";
export { OBJECTED_REASON } from "./terms/take-terms-effect.ts";
export { agreementsInForce, listTermsChanges, termsChangeDetail, termsUnderWay } from "./terms/terms-queries.ts";
export type { TermsChangeDetail, TermsNoticeLine, TermsUnderWay } from "./terms/terms-queries.ts";
export { termsStartDay } from "./terms/terms-mail.ts";
export { withdrawTermsChange } from "./terms/withdraw-terms-change.ts";

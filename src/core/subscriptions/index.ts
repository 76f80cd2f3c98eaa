/**
 * E-mail updates on the public sub-processor page: people subscribe with double opt-in and are told when a change is announced.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { SUBSCRIPTION_PATH } from "./subscription-links.ts";
export {
  SubscribeInput,
  UNCONFIRMED_KEPT_DAYS,
  confirmSubscription,
  forgetUnconfirmed,
  subscribe,
  subscriberMails,
  subscriptionOf,
  unsubscribe,
} from "./subscriptions.ts";
export type { Subscriber } from "./subscriptions.ts";

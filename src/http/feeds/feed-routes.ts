import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Clock } from "../../core/kernel/context.ts";
import { translate } from "../../core/kernel/i18n/localise.ts";
import {
  changeFeed,
  deadlineCalendar,
  publicOrganisation,
  publicSubProcessorList,
  publicSubProcessorsLinkedData,
} from "../../core/feeds/index.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import type { AppEnv } from "../env.ts";
import { atomFeed } from "./atom-feed.ts";
import { readScope, rememberedUntilChange } from "../../core/kernel/remembered.ts";
import { cacheable, weakEtag } from "./cacheable.ts";
import { calendarActor } from "./calendar-auth.ts";
import { deadlinesIcs } from "./deadlines-ics.ts";
import { feedLanguage } from "./feed-language.ts";
import { publicPage } from "./public-page.ts";

/**
 * The published sub-processor list (HTML, JSON, Atom) that customers may read
 * without an account, and the DPO's deadline calendar. Plain routes, not
 * OpenAPI operations: they are outside /api/v1 and its bearer middleware, and
 * serve formats for browsers, feed readers and calendar apps.
 */
export function registerFeedRoutes(app: OpenAPIHono<AppEnv>, deps: { store: Store; clock: Clock; publicBaseUrl: string }): void {
  const db = deps.store.db;

  app.get("/public/sub-processors", async (c) => {
    const organisation = await publicOrganisation(db);
    const list = await publicSubProcessorList(db, organisation, feedLanguage(c.req.query("lang"), organisation.defaultLanguage));
    const body = publicPage(list);
    return cacheable(c, { body, contentType: "text/html; charset=utf-8", etag: await weakEtag(body), visibility: "public" });
  });

  app.get("/public/sub-processors.json", async (c) => {
    const lang = c.req.query("lang") ?? "";
    // The list and its tag are remembered until the register changes; only generatedAt is made per request.
    const { before, after, etag } = await rememberedUntilChange(readScope(deps.store), `public-list.json?${lang}`, async () => {
      const organisation = await publicOrganisation(db);
      const list = await publicSubProcessorList(db, organisation, feedLanguage(lang || undefined, organisation.defaultLanguage));
      const { organisation: who, language, lastUpdated, subProcessors, announcedChanges } = list;
      return {
        before: JSON.stringify({ organisation: who, language, lastUpdated }).slice(0, -1),
        after: JSON.stringify({ subProcessors, announcedChanges }).slice(1),
        etag: await weakEtag(JSON.stringify(list)),
      };
    });
    // The same bytes as JSON.stringify({ organisation, language, lastUpdated, generatedAt, subProcessors, announcedChanges }).
    const body = `${before},"generatedAt":${JSON.stringify(deps.clock.now().toISOString())},${after}`;
    return cacheable(c, { body, contentType: "application/json; charset=utf-8", etag, visibility: "public" });
  });

  // A well-known address, so a customer's privacy tool finds the list from the organisation's domain alone.
  app.get("/.well-known/dpa-sub-processors.jsonld", async (c) => {
    const body = await publicSubProcessorsLinkedData(db, await publicOrganisation(db));
    return cacheable(c, { body, contentType: "application/ld+json", etag: await weakEtag(body), visibility: "public" });
  });

  app.get("/public/sub-processors.atom", async (c) => {
    const organisation = await publicOrganisation(db);
    const feed = await changeFeed(db, organisation, feedLanguage(c.req.query("lang"), organisation.defaultLanguage));
    const body = atomFeed(feed, deps.publicBaseUrl);
    return cacheable(c, { body, contentType: "application/atom+xml; charset=utf-8", etag: await weakEtag(body), visibility: "public" });
  });

  // Authenticated by a token in the URL (see calendarActor): a calendar app cannot send headers.
  app.get("/feeds/deadlines.ics", async (c) => {
    await calendarActor(c, deps.store, deps.clock);
    const organisation = await publicOrganisation(db);
    const lang = feedLanguage(c.req.query("lang"), organisation.defaultLanguage);
    const events = await deadlineCalendar(db, lang);
    const name = translate(lang, "feed.calendar.name", { organisation: organisation.legalName });
    const body = deadlinesIcs(events, name, lang, deps.clock.now());
    // The fingerprint leaves out DTSTAMP (the time of the request), so an unchanged calendar revalidates to 304.
    return cacheable(c, {
      body,
      contentType: "text/calendar; charset=utf-8",
      etag: await weakEtag(JSON.stringify({ name, events })),
      visibility: "private",
    });
  });
}

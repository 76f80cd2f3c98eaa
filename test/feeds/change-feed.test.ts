import { beforeEach, describe, expect, it } from "vitest";
import { bodyOf } from "../helpers/test-app.ts";
import { readAtom } from "./atom-reader.ts";
import { clearFactsWorld, type FeedWorld, makeEffective, NOTICE_GIVEN, proposeVendor, publicGet } from "./feed-fixtures.ts";

interface PublicList {
  subProcessors: { legalName: string }[];
  announcedChanges: { id: string; status: string; announcedAt: string; intendedStart: string; earliestStart: string | null }[];
}

const atom = async (w: FeedWorld, lang = "en") => {
  const response = await publicGet(w, `/public/sub-processors.atom?lang=${lang}`);
  expect(response.status).toBe(200);
  return readAtom(await response.text());
};
const json = async (w: FeedWorld) => bodyOf<PublicList>(await publicGet(w, "/public/sub-processors.json?lang=en"));
const html = async (w: FeedWorld) => (await publicGet(w, "/public/sub-processors?lang=en")).text();

let w: FeedWorld;
beforeEach(async () => {
  w = await clearFactsWorld();
});

describe("a sub-processor change in the public feeds", () => {
  it("keeps a proposal nobody was told of out of every public feed, even once withdrawn", async () => {
    const proposal = await proposeVendor(w, "Secret Vendor GmbH", { announce: false });
    expect(proposal.status).toBe("proposed");
    expect(await html(w)).not.toContain("Secret Vendor");
    expect(JSON.stringify(await json(w))).not.toContain("Secret Vendor");
    const feed = await atom(w);
    expect(feed.entries).toEqual([]);

    const withdrawn = await w.t.request("POST", `/api/v1/sub-processor-changes/${proposal.id}/withdraw`, {
      token: "procurement",
      body: { reason: "Not needed" },
    });
    expect(withdrawn.status).toBe(200);
    expect((await atom(w)).entries).toEqual([]);
  });

  it("shows an announced change in the HTML, the JSON and as an Atom entry published at the announcement", async () => {
    const change = await proposeVendor(w, "OCRCo GmbH");
    expect(change.announcedAt).toBe(NOTICE_GIVEN);

    expect(await html(w)).toContain(
      "<td>New sub-processor: OCRCo GmbH (OCR, Germany)</td><td>20 November 2026</td><td>8 December 2026</td><td>8 December 2026</td>",
    );
    const list = await json(w);
    expect(list.announcedChanges).toMatchObject([
      { id: change.id, status: "announced", announcedAt: NOTICE_GIVEN, intendedStart: "2026-12-08", earliestStart: "2026-12-08" },
    ]);
    expect(list.subProcessors.map((s) => s.legalName)).not.toContain("OCRCo GmbH");

    const feed = await atom(w);
    expect(feed.root).toBe("feed");
    expect(feed.namespace).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe("ClearFacts BV: changes to sub-processors");
    expect(feed.updated).toBe(NOTICE_GIVEN);
    expect(feed.entries).toHaveLength(1);
    const [entry] = feed.entries;
    expect(entry?.id).toBe(`urn:uuid:${change.id}`);
    expect(entry?.title).toBe("New sub-processor: OCRCo GmbH (OCR, Germany)");
    expect(entry?.published).toBe(NOTICE_GIVEN);
    expect(entry?.updated).toBe(NOTICE_GIVEN);
    expect(entry?.content).toContain("Announced to customers on 20 November 2026.");
    expect(entry?.content).toContain("Intended start: 8 December 2026.");
    expect(entry?.content).toContain("Earliest start, once the objection periods have ended: 8 December 2026.");
    expect(entry?.content).toContain("Not yet in effect.");
  });

  it("moves the vendor into the active list once the lifecycle applies the change, and dates the entry's update then", async () => {
    const change = await proposeVendor(w, "OCRCo GmbH");
    const effectiveAt = "2026-12-08T10:00:00.000Z";
    await makeEffective(w, change.id, effectiveAt);

    const list = await json(w);
    expect(list.subProcessors.map((s) => s.legalName)).toEqual(["Amazon Web Services EMEA SARL", "IxorDocs", "OCRCo GmbH"]);
    expect(list.announcedChanges).toEqual([]);
    expect(await html(w)).toContain("<td>OCRCo GmbH</td><td>OCR</td><td>Germany</td>");

    const feed = await atom(w);
    expect(feed.updated).toBe(effectiveAt);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]?.id).toBe(`urn:uuid:${change.id}`);
    expect(feed.entries[0]?.published).toBe(NOTICE_GIVEN);
    expect(feed.entries[0]?.updated).toBe(effectiveAt);
    expect(feed.entries[0]?.content).toContain("In effect since 8 December 2026.");
  });

  it("shows a withdrawn announcement as withdrawn, newest first, in Dutch too", async () => {
    const kept = await proposeVendor(w, "OCRCo GmbH");
    w.clock.t += 3_600_000;
    const dropped = await proposeVendor(w, "Dropped Vendor BV");
    w.clock.t = Date.parse("2026-11-23T08:30:00.000Z");
    const withdrawn = await w.t.request("POST", `/api/v1/sub-processor-changes/${dropped.id}/withdraw`, {
      token: "procurement",
      body: { reason: "Internal: price" },
    });
    expect(withdrawn.status).toBe(200);

    const feed = await atom(w);
    expect(feed.entries.map((e) => e.id)).toEqual([`urn:uuid:${dropped.id}`, `urn:uuid:${kept.id}`]);
    const [gone] = feed.entries;
    expect(gone?.title).toBe("Withdrawn: New sub-processor: Dropped Vendor BV (OCR, Germany)");
    expect(gone?.published).toBe("2026-11-20T10:00:00.000Z");
    expect(gone?.updated).toBe("2026-11-23T08:30:00.000Z");
    expect(gone?.content).toContain("Withdrawn on 23 November 2026: the change will not be made.");
    expect(gone?.content).not.toContain("Internal: price");

    expect((await json(w)).announcedChanges.map((c) => c.id)).toEqual([kept.id]);
    expect(await html(w)).not.toContain("Dropped Vendor");

    const dutch = await atom(w, "nl");
    expect(dutch.title).toBe("ClearFacts BV: wijzigingen van subverwerkers");
    expect(dutch.entries[0]?.title).toBe("Ingetrokken: Nieuwe subverwerker: Dropped Vendor BV (OCR, Duitsland)");
    expect(dutch.entries[0]?.content).toContain("Ingetrokken op 23 november 2026: de wijziging wordt niet doorgevoerd.");
  });

  it("is well-formed Atom in which hostile register text stays text", async () => {
    const hostile = `<script>&"`;
    await proposeVendor(w, hostile, { service: "]]><script>alert(1)</script>" });
    const response = await publicGet(w, "/public/sub-processors.atom?lang=en");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const xml = await response.text();
    expect(xml).not.toContain("<script");
    const feed = readAtom(xml);
    expect(feed.elementCount("script")).toBe(0);
    expect(feed.entries).toHaveLength(1);
    const [entry] = feed.entries;
    expect(entry?.title).toBe(`New sub-processor: ${hostile} (]]><script>alert(1)</script>, Germany)`);
    expect(entry?.titleHasElements).toBe(false);
    expect(entry?.contentHasScript).toBe(false);
  });
});

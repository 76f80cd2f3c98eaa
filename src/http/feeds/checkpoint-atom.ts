import { Feed } from "feed";
import canonicalize from "canonicalize";
import type { Checkpoint } from "../../core/kernel/audit/checkpoints.ts";

/**
 * Checkpoints as an Atom feed, newest first: a feed reader or archiver that
 * follows it keeps every checkpoint, outside our reach. Each entry's content
 * is the checkpoint itself (RFC 8785 JSON), which `./dev cli verify
 * --checkpoint` and POST /api/v1/verifications accept as it is.
 */
export function checkpointAtom(checkpoints: Checkpoint[], origin: string, organisation: string): string {
  const self = `${origin}/public/checkpoints.atom`;
  const atom = new Feed({
    id: self,
    title: `${organisation}: audit trail checkpoints`,
    description: "Signed statements of the size and head hash of the register's audit trail.",
    updated: new Date(checkpoints[0]?.at ?? 0),
    link: `${origin}/public/checkpoints`,
    feedLinks: { atom: self },
    author: { name: organisation },
    generator: "dpa-register",
    copyright: organisation,
  });
  for (const c of checkpoints) {
    atom.addItem({
      id: `${origin}/public/checkpoints/${c.size}`,
      title: `Checkpoint ${c.size}: head ${c.head}`,
      link: `${origin}/public/checkpoints/${c.size}`,
      date: new Date(c.at),
      // Plain JSON of base64url, hex and ISO text: nothing in it needs escaping for HTML.
      content: canonicalize(c) ?? "",
    });
  }
  return atom.atom1();
}

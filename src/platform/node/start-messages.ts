import type { Config } from "../../config.ts";
import type { SqliteStore } from "./sqlite-store.ts";
import { hasNoWayIn, seedDemoIfEmpty } from "./bootstrap.ts";

/** Loads the demo register when asked (printing its credentials once), and says how to get in when nobody can. */
export async function announceStart(store: SqliteStore, config: Config): Promise<void> {
  if (config.DEMO_DATA) {
    const seeded = await seedDemoIfEmpty(store, (demo) => {
      console.log("Loading the ClearFacts demo register; its credentials are valid once it has loaded:");
      console.log(`Demo admin API token (shown once, keep it): ${demo.token}`);
      console.log(`Demo admin sign-in (shown once): ${demo.email} / ${demo.password}`);
    });
    if (seeded === "loaded") console.log(`Loaded the ClearFacts demo register into ${config.DATABASE_PATH}.`);
  }
  if (await hasNoWayIn(store)) {
    console.log(
      `Nobody can sign in to the register at ${config.DATABASE_PATH} yet: create the first admin with ./dev cli user create --email … --name …`,
    );
  }
}

import { memoryStore } from "../helpers/sqlite.ts";
import { storageContract } from "./storage-contract.ts";

storageContract("better-sqlite3", async () => memoryStore());

import { readConfig } from "../config.ts";
import { startNodeService } from "./node-service.ts";

// `./dev start`: the register over SQLite, with its schedulers and mail delivery.
const service = await startNodeService(readConfig(process.env));
process.on("SIGINT", service.shutdown);
process.on("SIGTERM", service.shutdown);

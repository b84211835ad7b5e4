// What every worker feature receives when it is composed in workers/main.ts.
import type { Logger } from "pino";
import type { Env } from "@/lib/env";
import type { Db } from "@/lib/db/client";
import type { DatabaseService } from "./database";

export interface WorkerContext {
  env: Env;
  db: Db;
  database: DatabaseService;
  log: Logger;
}

// Reads the configuration, opens and migrates the database, loads the demo market into an empty one,
// listens, and closes gracefully on SIGTERM/SIGINT.

import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { isEmptyDatabase } from "./db/maintenance.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { clockFromEnv } from "./platform/clock.ts";
import { createVault, resolveSecret } from "./platform/crypto.ts";
import { startScheduler } from "./platform/jobs.ts";

const started = performance.now();
const config = loadConfig();
const database = openDatabase({
  databaseUrl: config.DATABASE_URL,
  sqliteFile: config.SQLITE_FILE,
  poolSize: config.DATABASE_POOL_SIZE,
  groupCommit: config.SQLITE_GROUP_COMMIT === "true",
});
await migrateToLatest(database.db);
const vault = createVault(resolveSecret(config.DANDELION_SECRET, config.DATA_DIR));
const clock = clockFromEnv();

// The demo market's code is loaded only for an empty database, so a restart does not pay for it.
const demoLines: string[] = [];
if (config.DEMO_DATA === "true" && (await isEmptyDatabase(database.db))) {
  const { DEMO_PASSWORD, loadTianyuan } = await import("../demo/tianyuan.ts");
  const accounts = await loadTianyuan(database.db, vault, clock.now());
  demoLines.push(`天源市场演示数据已载入 · Tianyuan demo data loaded. Demo accounts (password ${DEMO_PASSWORD}):`);
  for (const a of accounts) demoLines.push(`  ${a.username.padEnd(12)} ${a.role.padEnd(20)} ${a.displayName} — ${a.note}`);
}

const app = await buildApp({ database, config, vault, clock });
// Timed work (overdue escalation, upload clean-up) under database leases, so each run happens once across nodes.
startScheduler(app, database.db, app.jobs, clock);
const address = await app.listen({ host: config.HOST, port: config.PORT });
app.log.info({ address, database: database.dialect, startMs: Math.round(performance.now() - started) }, "Dandelion is listening");
const port = app.server.address();
const shown = config.HOST === "0.0.0.0" && port && typeof port === "object" ? `http://localhost:${port.port}` : address;
// What a person needs comes last, below the log lines: the demo accounts on a first start, and the address.
for (const line of demoLines) console.log(line);
console.log(`\n蒲公英 Dandelion: ${shown}  (console /, mobile /m/, API docs /docs)\n`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, "shutting down");
  const timer = setTimeout(() => process.exit(1), 10_000);
  try {
    await app.close();
    await database.close();
  } finally {
    clearTimeout(timer);
  }
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

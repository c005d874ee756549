import { type Kysely, type Migration, Migrator } from "kysely";
import * as platform from "./migrations/2026-11-27-01-platform.ts";
import * as governance from "./migrations/2026-11-27-02-governance.ts";
import * as idempotency from "./migrations/2026-11-28-03-idempotency.ts";
import * as party from "./migrations/2026-11-28-04-party.ts";
import * as caring from "./migrations/2026-11-28-05-caring.ts";
import * as services from "./migrations/2026-11-28-06-services.ts";
import * as redemptionCaps from "./migrations/2026-11-28-07-redemption-caps.ts";
import * as rateLimits from "./migrations/2026-12-01-08-rate-limits.ts";
import * as passwordHistory from "./migrations/2026-12-01-09-password-history.ts";
import * as volunteers from "./migrations/2026-12-01-11-volunteers.ts";
import * as volunteerRecords from "./migrations/2026-12-02-12-volunteer-records.ts";
import * as events from "./migrations/2026-12-02-13-events.ts";
import * as nightMarket from "./migrations/2026-12-02-14-night-market.ts";
import * as economy from "./migrations/2026-12-02-15-economy.ts";
import * as interop from "./migrations/2026-12-02-16-interop.ts";
import * as eventVersions from "./migrations/2026-12-02-17-event-versions.ts";
import * as auditChains from "./migrations/2026-12-02-18-audit-chains.ts";
import * as kioskTokens from "./migrations/2026-12-02-19-kiosk-tokens.ts";
import * as reports from "./migrations/2026-12-02-20-reports.ts";
import * as orgVersions from "./migrations/2026-12-02-21-org-versions.ts";
import * as economyVersions from "./migrations/2026-12-02-22-economy-versions.ts";
import * as listIndexes from "./migrations/2026-12-02-23-list-indexes.ts";
import * as redemptionListIndexes from "./migrations/2026-12-02-24-redemption-list-indexes.ts";
import * as cardMonthTotals from "./migrations/2026-12-06-25-card-month-totals.ts";
import * as smsMessageList from "./migrations/2026-12-06-26-sms-message-list.ts";

// Listed explicitly (not read from disk) so the order is reviewed and the bundle needs no file scanning.
const migrations: Record<string, Migration> = {
  "2026-11-27-01-platform": platform,
  "2026-11-27-02-governance": governance,
  "2026-11-28-03-idempotency": idempotency,
  "2026-11-28-04-party": party,
  "2026-11-28-05-caring": caring,
  "2026-11-28-06-services": services,
  "2026-11-28-07-redemption-caps": redemptionCaps,
  "2026-12-01-08-rate-limits": rateLimits,
  "2026-12-01-09-password-history": passwordHistory,
  "2026-12-01-11-volunteers": volunteers,
  "2026-12-02-12-volunteer-records": volunteerRecords,
  "2026-12-02-13-events": events,
  "2026-12-02-14-night-market": nightMarket,
  "2026-12-02-15-economy": economy,
  "2026-12-02-16-interop": interop,
  "2026-12-02-17-event-versions": eventVersions,
  "2026-12-02-18-audit-chains": auditChains,
  "2026-12-02-19-kiosk-tokens": kioskTokens,
  "2026-12-02-20-reports": reports,
  "2026-12-02-21-org-versions": orgVersions,
  "2026-12-02-22-economy-versions": economyVersions,
  "2026-12-02-23-list-indexes": listIndexes,
  "2026-12-02-24-redemption-list-indexes": redemptionListIndexes,
  "2026-12-06-25-card-month-totals": cardMonthTotals,
  "2026-12-06-26-sms-message-list": smsMessageList,
};

/** The migrations by name, for tests that step back and forth (server/platform/audit.test.ts). */
export const migrationsForTests = (): Record<string, Migration> => migrations;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

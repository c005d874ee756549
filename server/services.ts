// One instance of each module's service per app, wired here so modules meet through services only.
import { AccountsService } from "./modules/accounts/accounts.service.ts";
import { AllianceUnitsService } from "./modules/alliance-units/alliance-units.service.ts";
import { ImportsService } from "./modules/imports/imports.service.ts";
import { ListsService } from "./modules/lists/lists.service.ts";
import { MerchantsService } from "./modules/merchants/merchants.service.ts";
import { OrgService } from "./modules/org/org.service.ts";
import { ResidentsService } from "./modules/residents/residents.service.ts";
import { StallsService } from "./modules/stalls/stalls.service.ts";
import type { SessionStore } from "./platform/auth.ts";
import type { AppDeps } from "./platform/context.ts";

export function createServices(deps: AppDeps, sessions: SessionStore) {
  const db = deps.database.db;
  const merchants = new MerchantsService(db, deps.vault);
  const residents = new ResidentsService(db, deps.vault);
  const stalls = new StallsService(db);
  const allianceUnits = new AllianceUnitsService(db, deps.vault);
  const lists = new ListsService(db);
  return {
    accounts: new AccountsService(db, deps.vault, sessions),
    merchants,
    residents,
    stalls,
    allianceUnits,
    org: new OrgService(db, { merchants, residents, stalls, allianceUnits }),
    lists,
    imports: new ImportsService(db, { merchants: merchants.importer(), residents: residents.importer() }),
  };
}

export type Services = ReturnType<typeof createServices>;

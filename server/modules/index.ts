// The capability modules the app is built from, in the order their routes are mounted. A new module adds its
// <module>.module.ts and one line here (docs/modules.md).
import { accountsModule } from "./accounts/accounts.module.ts";
import { allianceUnitsModule } from "./alliance-units/alliance-units.module.ts";
import { auditModule } from "./audit/audit.module.ts";
import { caringModule } from "./caring/caring.module.ts";
import { counterModule } from "./counter/counter.module.ts";
import { dutyModule } from "./duty/duty.module.ts";
import { economyModule } from "./economy/economy.module.ts";
import { eventsModule } from "./events/events.module.ts";
import { figuresModule } from "./figures/figures.module.ts";
import { filesModule } from "./files/files.module.ts";
import { importsModule } from "./imports/imports.module.ts";
import { interopModule } from "./interop/interop.module.ts";
import { lendingModule } from "./lending/lending.module.ts";
import { listsModule } from "./lists/lists.module.ts";
import { meetingsModule } from "./meetings/meetings.module.ts";
import { merchantsModule } from "./merchants/merchants.module.ts";
import type { ServerModule } from "./module.ts";
import { nightMarketModule } from "./night-market/night-market.module.ts";
import { notificationsModule } from "./notifications/notifications.module.ts";
import { orgModule } from "./org/org.module.ts";
import { partyModule } from "./party/party.module.ts";
import { problemsModule } from "./problems/problems.module.ts";
import { reportsModule } from "./reports/reports.module.ts";
import { residentsModule } from "./residents/residents.module.ts";
import { scorecardModule } from "./scorecard/scorecard.module.ts";
import { screenModule } from "./screen/screen.module.ts";
import { stallsModule } from "./stalls/stalls.module.ts";
import { volunteersModule } from "./volunteers/volunteers.module.ts";
import { workbenchModule } from "./workbench/workbench.module.ts";

export const modules: ServerModule[] = [
  accountsModule,
  orgModule,
  merchantsModule,
  stallsModule,
  residentsModule,
  allianceUnitsModule,
  importsModule,
  auditModule,
  filesModule,
  notificationsModule,
  problemsModule,
  listsModule,
  meetingsModule,
  scorecardModule,
  partyModule,
  caringModule,
  counterModule,
  dutyModule,
  lendingModule,
  volunteersModule,
  eventsModule,
  nightMarketModule,
  economyModule,
  workbenchModule,
  interopModule,
  figuresModule,
  screenModule,
  reportsModule,
];

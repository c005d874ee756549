// Row types of every table, as Kysely sees them: each module declares its own tables beside its code
// (<module>.tables.ts, status and kind columns typed from the contracts' unions); DB joins them.
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.

import type { AccountsTables } from "../modules/accounts/accounts.tables.ts";
import type { AllianceUnitsTables } from "../modules/alliance-units/alliance-units.tables.ts";
import type { CaringTables } from "../modules/caring/caring.tables.ts";
import type { CounterTables } from "../modules/counter/counter.tables.ts";
import type { DutyTables } from "../modules/duty/duty.tables.ts";
import type { EconomyTables } from "../modules/economy/economy.tables.ts";
import type { EventsTables } from "../modules/events/events.tables.ts";
import type { ImportsTables } from "../modules/imports/imports.tables.ts";
import type { InteropTables } from "../modules/interop/interop.tables.ts";
import type { LendingTables } from "../modules/lending/lending.tables.ts";
import type { ListsTables } from "../modules/lists/lists.tables.ts";
import type { MeetingsTables } from "../modules/meetings/meetings.tables.ts";
import type { MerchantsTables } from "../modules/merchants/merchants.tables.ts";
import type { NightMarketTables } from "../modules/night-market/night-market.tables.ts";
import type { OrgTables } from "../modules/org/org.tables.ts";
import type { PartyTables } from "../modules/party/party.tables.ts";
import type { ProblemsTables } from "../modules/problems/problems.tables.ts";
import type { ReportsTables } from "../modules/reports/reports.tables.ts";
import type { ResidentsTables } from "../modules/residents/residents.tables.ts";
import type { ScreenTables } from "../modules/screen/screen.tables.ts";
import type { StallsTables } from "../modules/stalls/stalls.tables.ts";
import type { VolunteersTables } from "../modules/volunteers/volunteers.tables.ts";
import type { PlatformTables } from "../platform/platform.tables.ts";

export type * from "../modules/accounts/accounts.tables.ts";
export type * from "../modules/alliance-units/alliance-units.tables.ts";
export type * from "../modules/caring/caring.tables.ts";
export type * from "../modules/counter/counter.tables.ts";
export type * from "../modules/duty/duty.tables.ts";
export type * from "../modules/economy/economy.tables.ts";
export type * from "../modules/events/events.tables.ts";
export type * from "../modules/imports/imports.tables.ts";
export type * from "../modules/interop/interop.tables.ts";
export type * from "../modules/lending/lending.tables.ts";
export type * from "../modules/lists/lists.tables.ts";
export type * from "../modules/meetings/meetings.tables.ts";
export type * from "../modules/merchants/merchants.tables.ts";
export type * from "../modules/night-market/night-market.tables.ts";
export type * from "../modules/org/org.tables.ts";
export type * from "../modules/party/party.tables.ts";
export type * from "../modules/problems/problems.tables.ts";
export type * from "../modules/reports/reports.tables.ts";
export type * from "../modules/residents/residents.tables.ts";
export type * from "../modules/screen/screen.tables.ts";
export type * from "../modules/stalls/stalls.tables.ts";
export type * from "../modules/volunteers/volunteers.tables.ts";
export type * from "../platform/platform.tables.ts";

export interface DB
  extends OrgTables,
    AllianceUnitsTables,
    MerchantsTables,
    StallsTables,
    ResidentsTables,
    AccountsTables,
    ImportsTables,
    ProblemsTables,
    ListsTables,
    MeetingsTables,
    PartyTables,
    CaringTables,
    CounterTables,
    DutyTables,
    LendingTables,
    VolunteersTables,
    EventsTables,
    NightMarketTables,
    EconomyTables,
    InteropTables,
    ScreenTables,
    ReportsTables,
    PlatformTables {}

// One instance of each module's service per app, wired here so modules meet through services only.

import pino from "pino";
import { AccountsService } from "./modules/accounts/accounts.service.ts";
import { AllianceUnitsService } from "./modules/alliance-units/alliance-units.service.ts";
import { CardsService } from "./modules/caring/cards.service.ts";
import { FiguresService as CaringFiguresService } from "./modules/caring/figures.service.ts";
import { MealsService } from "./modules/caring/meals.service.ts";
import { RedemptionService } from "./modules/caring/redemption.service.ts";
import { RoundsService } from "./modules/caring/rounds.service.ts";
import { CaringShopsService } from "./modules/caring/shops.service.ts";
import { CounterService } from "./modules/counter/counter.service.ts";
import { DutyService } from "./modules/duty/duty.service.ts";
import { RedShieldService } from "./modules/duty/red-shield.service.ts";
import { EconomyService } from "./modules/economy/economy.service.ts";
import { EventsService } from "./modules/events/events.service.ts";
import { FigureDictionary } from "./modules/figures/figures.service.ts";
import { ImportsService } from "./modules/imports/imports.service.ts";
import { InteropService } from "./modules/interop/interop.service.ts";
import { smsConfigOf, wechatConfigOf } from "./modules/interop/sms.config.ts";
import { FairScaleService } from "./modules/lending/fair-scale.service.ts";
import { LendingService } from "./modules/lending/lending.service.ts";
import { ListsService } from "./modules/lists/lists.service.ts";
import { MeetingsService } from "./modules/meetings/meetings.service.ts";
import { MerchantsService } from "./modules/merchants/merchants.service.ts";
import { NightMarketService } from "./modules/night-market/night-market.service.ts";
import { NotificationsService } from "./modules/notifications/notifications.service.ts";
import { OrgService } from "./modules/org/org.service.ts";
import { PartyService } from "./modules/party/party.service.ts";
import { ProblemsService } from "./modules/problems/problems.service.ts";
import { ReportsService } from "./modules/reports/reports.service.ts";
import { ResidentsService } from "./modules/residents/residents.service.ts";
import { ScorecardService } from "./modules/scorecard/scorecard.service.ts";
import { ScreenService } from "./modules/screen/screen.service.ts";
import { StallsService } from "./modules/stalls/stalls.service.ts";
import { VolunteersService } from "./modules/volunteers/volunteers.service.ts";
import { WorkbenchService } from "./modules/workbench/workbench.service.ts";
import type { SessionStore } from "./platform/auth.ts";
import type { AppDeps } from "./platform/context.ts";
import { FilesService } from "./platform/files.ts";
import { ListExports } from "./platform/list-export.ts";
import { logGateway, Notifier } from "./platform/notify.ts";

export function createServices(deps: AppDeps, sessions: SessionStore) {
  const db = deps.database.db;
  const merchants = new MerchantsService(db, deps.vault, deps.clock);
  const residents = new ResidentsService(db, deps.vault, deps.clock);
  const stalls = new StallsService(db, deps.clock);
  const allianceUnits = new AllianceUnitsService(db, deps.vault, deps.clock);
  // Outbound SMS/WeChat: the default gateway only logs (user id and kind, no personal data).
  const log = deps.logger || pino({ level: deps.logger === false ? "silent" : deps.config.LOG_LEVEL });
  const notifier = new Notifier(logGateway(log), log, deps.clock);
  const files = new FilesService(db, deps.clock);
  const problems = new ProblemsService(db, deps.vault, files, notifier, deps.clock);
  const lists = new ListsService(db, deps.clock);
  const meetings = new MeetingsService(db, lists, deps.clock);
  // Overdue problems go onto the next joint meeting's agenda; a newly scheduled one collects those waiting.
  problems.setEscalationTarget(meetings.escalationTarget());
  meetings.onJointMeetingScheduled(() => problems.escalateNow());
  const caringShops = new CaringShopsService(db, deps.clock);
  const caringCards = new CardsService(db, deps.vault, notifier, deps.clock);
  const lending = new LendingService(db, deps.vault, notifier, deps.clock);
  const duty = new DutyService(db, deps.clock);
  // A unit added or renamed reaches the cached sessions at once (a new station is in its district's reach).
  const org = new OrgService(db, {
    merchants,
    residents,
    stalls,
    allianceUnits,
    clock: deps.clock,
    onTreeChanged: () => sessions.forgetAll(),
  });
  const party = new PartyService(db, deps.vault, files, notifier, deps.clock);
  const meals = new MealsService(db, notifier, deps.clock);
  const counter = new CounterService(db, deps.vault, notifier, duty, deps.clock);
  // Caring-meal deliveries a volunteer confirmed count as service; a Party member's hours belong in their record.
  const volunteers = new VolunteersService(db, deps.vault, deps.clock, { meals, notifier, files });
  const nightMarket = new NightMarketService(db, deps.vault, deps.clock, { problems, files, notifier });
  // The stage refuses bookings during the night market's opening hours.
  const events = new EventsService(
    db,
    { files, problems, nightMarketOpenings: (stationId, from, to) => nightMarket.openingsBetween(stationId, from, to) },
    deps.clock,
  );
  // A project's outcome figures read the promotions', the night market's and the stage's records.
  const economy = new EconomyService(db, deps.clock, { notifier, files });
  economy.projectFigures.setSources({
    promotions: async (stationId) => {
      const f = await events.figures.figuresOf([stationId], {});
      return { visitsUplift: f.promotions.visitsUplift, takingsUpliftFen: f.promotions.takingsUpliftFen };
    },
    nightMarket: async (stationId) => {
      const f = await nightMarket.figures.figuresOf([stationId], {});
      return {
        visitorsPerNight: Math.round(f.visitorsPerNight.value),
        turnoverPerNightFen: Math.round(f.turnoverPerNight.averageFen),
        currentJobs: f.currentJobs.value,
      };
    },
    stageTeams: async (stationId) => (await events.figures.figuresOf([stationId], {})).stage.teams.length,
  });
  economy.merchantFile.setPitchReader((stationId) => nightMarket.mapPitches(stationId));
  party.members.setVolunteerHoursReader((userIds, period) => volunteers.hoursOfUsers(userIds, period));
  // A nominee's volunteer hours are evidence in an award round's review.
  const caringRounds = new RoundsService(db, caringCards, notifier, deps.clock);
  caringRounds.setVolunteerHoursReader((userIds, period) => volunteers.hoursOfUsers(userIds, period));
  // Problems also come from other systems: Open311 and the 12345 hotline (its orders also by Excel import).
  const interop = new InteropService(
    db,
    {
      problems,
      vault: deps.vault,
      sms: smsConfigOf(deps.config),
      wechat: wechatConfigOf(deps.config),
      webhookTimeoutMs: deps.config.WEBHOOK_TIMEOUT_MS,
      hotlineFeedback: {
        url: deps.config.HOTLINE_FEEDBACK_URL,
        secret: deps.config.HOTLINE_FEEDBACK_SECRET,
        timeoutMs: deps.config.HOTLINE_FEEDBACK_TIMEOUT_MS,
      },
    },
    deps.clock,
  );
  // SMS and WeChat copies are queued when a provider is configured; otherwise the log gateway stays.
  notifier.setQueue(interop.queue());
  // The big screen reads the dictionary's figures and the economy's market map (filled with figures by the app).
  const figures = new FigureDictionary(db, deps.clock);
  const screen = new ScreenService(db, deps.clock, {
    figures,
    marketMap: (reader, stationId) => economy.merchantFile.map(reader, stationId),
  });
  return {
    accounts: new AccountsService(db, deps.vault, sessions, deps.clock),
    merchants,
    residents,
    stalls,
    allianceUnits,
    files,
    notifier,
    problems,
    notifications: new NotificationsService(db, deps.clock),
    org,
    lists,
    meetings,
    scorecard: new ScorecardService(db, { problems, meetings }, deps.clock),
    party,
    caringShops,
    caringCards,
    caringRounds,
    caringRedemption: new RedemptionService(db, caringCards, caringShops, deps.clock),
    meals,
    caringFigures: new CaringFiguresService(db, deps.clock),
    counter,
    duty,
    redShield: new RedShieldService(db, notifier, deps.clock),
    lending,
    volunteers,
    events,
    nightMarket,
    economy,
    fairScale: new FairScaleService(db, { problems, lending, notifier }, deps.clock),
    imports: new ImportsService(
      db,
      { merchants: merchants.importer(), residents: residents.importer(), "hotline-orders": interop.hotline.importer() },
      deps.clock,
    ),
    workbench: new WorkbenchService({ org, merchants, problems, counter, meals, lending, party, duty }, deps.clock),
    exports: new ListExports(db, deps.clock),
    interop,
    figures,
    screen,
    reports: new ReportsService(db, figures, deps.clock),
  };
}

export type Services = ReturnType<typeof createServices>;

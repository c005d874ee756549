// The merchant file (一户一档): everything the platform knows about one merchant on one page — registry and stalls,
// status history, relief, directed consumption received, problems reported, fair-scale findings, caring-shop status,
// Red Shield consultations, counter requests, the events it took part in and its night-market seasons. Also
// printed as a PDF (merchant-file.pdf.ts).
import type { MarketMap, MerchantFile } from "../../../contracts/economy.ts";
import { fail, notFound } from "../../platform/errors.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { manages } from "./economy.access.ts";
import { presentRelief } from "./economy.presenter.ts";
import type { EconomyRepository } from "./economy.repository.ts";
import { reached } from "./economy.workflow.ts";
import { renderMerchantFilePdf } from "./merchant-file.pdf.ts";
import type { MerchantFileRepository } from "./merchant-file.repository.ts";
import { presentPurchase } from "./purchases.service.ts";

/** The night market's pitches for the map, read through its service (wired in server/services.ts). */
export type MapPitchReader = (stationId: number) => Promise<Pick<MarketMap, "pitches"> & { season: MarketMap["pitchSeason"] }>;

export class MerchantFileService {
  private readonly files: MerchantFileRepository;
  private readonly repo: EconomyRepository;
  private pitchReader: MapPitchReader | null = null;

  constructor(files: MerchantFileRepository, repo: EconomyRepository) {
    this.files = files;
    this.repo = repo;
  }

  async file(user: SessionUser, merchantId: number): Promise<MerchantFile> {
    const m = await this.files.merchant(merchantId);
    if (!m || !manages(user, m.station_id, "economy.read")) throw notFound();
    const relief = (await this.repo.reliefsOfMerchant(m.id)).map(presentRelief);
    const purchases = await this.repo.purchasesOfMerchant(m.id);
    const sums = await this.repo.merchantPurchaseSums(m.id);
    const shop = await this.files.caringShop(m.id);
    return {
      merchant: {
        id: m.id,
        stationId: m.station_id,
        name: m.name,
        category: m.category,
        operatorName: m.operator_name,
        status: m.status,
        licenceValidFrom: m.licence_valid_from,
        licenceValidTo: m.licence_valid_to,
        isPartyMember: Number(m.is_party_member) === 1,
        registeredAt: m.created_at,
      },
      stalls: (await this.files.stalls(m.id)).map((s) => ({ id: s.id, code: s.code, area: s.area })),
      statusHistory: (await this.files.statusHistory(m.id)).map((h) => ({ toStatus: h.to_status, reason: h.reason, at: h.at })),
      relief,
      reliefFen: relief.filter((r) => reached(r.status)).reduce((s, r) => s + (r.disbursedFen ?? 0), 0),
      consumption: { ...sums, purchases: purchases.slice(0, 50).map(presentPurchase) },
      problems: (await this.files.problems(m.id)).map((p) => ({
        id: p.id,
        code: p.code,
        title: p.title,
        status: p.status,
        createdAt: p.created_at,
      })),
      findings: (await this.files.findings(m.id)).map((f) => ({ id: f.id, source: f.source, summary: f.summary, createdAt: f.created_at })),
      caringShop: shop
        ? { status: shop.status, category: shop.category, discountRatePermille: shop.discount_rate_permille, plaqueDate: shop.plaque_date }
        : null,
      consultations: (await this.files.consultations(m.id)).map((c) => ({
        id: c.id,
        date: c.date,
        topic: c.topic,
        summary: c.summary,
        outcome: c.outcome,
      })),
      counterRequests: (await this.files.counterRequests(m.id)).map((r) => ({
        id: r.id,
        date: r.date,
        itemName: r.item_name,
        status: r.status,
      })),
      events: (await this.files.events(m.station_id, m.id)).map((e) => ({
        id: e.id,
        title: e.title,
        kind: e.kind,
        startsAt: e.starts_at,
        status: e.status,
        takingsDays: e.takings_days,
      })),
      nightMarket: (await this.files.nightMarket(m.id)).map((n) => ({
        seasonId: n.season_id,
        seasonName: n.season_name,
        startsOn: n.starts_on,
        endsOn: n.ends_on,
        applicationStatus: n.application_status,
        nights: Number(n.nights ?? 0),
        takingsFen: Number(n.takings_fen ?? 0),
        incidents: Number(n.incidents ?? 0),
      })),
    };
  }

  /** The market's plan: every stall where it stands, with what the map colours it by. */
  setPitchReader(reader: MapPitchReader) {
    this.pitchReader = reader;
  }

  async map(user: SessionUser, requested: number | undefined): Promise<MarketMap> {
    const stations = stationFilter(user, requested);
    const stationId = stations !== null && stations.length === 1 ? stations[0] : null;
    if (stationId === null) {
      if (requested !== undefined) throw notFound();
      throw fail("request.invalid", [{ field: "stationId", key: "v.required" }]);
    }
    const rows = await this.files.mapStalls(stationId);
    const night = this.pitchReader ? await this.pitchReader(stationId) : { season: null, pitches: [] };
    const shapes = [...rows, ...night.pitches];
    return {
      stationId,
      width: Math.max(1000, ...shapes.map((r) => r.x + r.w + 20)),
      height: Math.max(600, ...shapes.map((r) => r.y + r.h + 20)),
      pitchSeason: night.season,
      pitches: night.pitches,
      stalls: rows.map((r) => ({
        id: r.id,
        code: r.code,
        x: r.x,
        y: r.y,
        w: r.w,
        h: r.h,
        version: r.version,
        merchantId: r.merchant_id,
        merchantName: r.merchant_name,
        category: r.category,
        status: r.status,
        reliefFen: r.relief_fen,
        findings: r.findings,
        caringStatus: r.caring_status ?? null,
        consumptionFen: r.consumption_fen,
      })),
    };
  }

  async pdf(user: SessionUser, merchantId: number, printedAt: Date) {
    const file = await this.file(user, merchantId);
    return { fileName: `merchant-file-${merchantId}.pdf`, data: await renderMerchantFilePdf(file, printedAt) };
  }
}

// The org tree (district → street → community → station) and the home page's key counts.
import type { Kysely } from "kysely";
import type { HomeCounts, OrgUnit } from "../../../contracts/org.ts";
import type { DB } from "../../db/tables.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import type { AllianceUnitsService } from "../alliance-units/alliance-units.service.ts";
import type { MerchantsService } from "../merchants/merchants.service.ts";
import type { ResidentsService } from "../residents/residents.service.ts";
import type { StallsService } from "../stalls/stalls.service.ts";
import { presentOrgUnit } from "./org.presenter.ts";
import { OrgRepository } from "./org.repository.ts";

interface Registry {
  merchants: MerchantsService;
  residents: ResidentsService;
  stalls: StallsService;
  allianceUnits: AllianceUnitsService;
}

export class OrgService {
  readonly repo: OrgRepository;
  private readonly registry: Registry;
  constructor(db: Kysely<DB>, registry: Registry) {
    this.repo = new OrgRepository(db);
    this.registry = registry;
  }

  async units(user: SessionUser): Promise<OrgUnit[]> {
    const below = await this.repo.listUnder(user.role === "platform_admin" ? null : user.orgPath);
    const ancestorIds = user.orgPath
      .split("/")
      .filter(Boolean)
      .map(Number)
      .filter((id) => !below.some((b) => b.id === id));
    const above = await this.repo.ancestors(ancestorIds);
    return [...above, ...below].sort((a, b) => a.path.localeCompare(b.path)).map(presentOrgUnit);
  }

  async home(user: SessionUser, stationId: number | undefined): Promise<HomeCounts> {
    const stationIds = stationFilter(user, stationId);
    const [merchantRows, residents, stalls, units, users] = await Promise.all([
      this.registry.merchants.countsFor(stationIds),
      this.registry.residents.countsFor(stationIds),
      this.registry.stalls.countsFor(stationIds),
      this.registry.allianceUnits.countsFor(stationIds),
      this.repo.countUsers(stationIds),
    ]);
    const byCategory = new Map<string, number>();
    let merchants = 0;
    let open = 0;
    let party = 0;
    for (const r of merchantRows) {
      const n = Number(r.n);
      merchants += n;
      if (r.status === "open") open += n;
      if (r.is_party_member === 1) party += n;
      if (r.status !== "closed") byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + n);
    }
    return {
      stations: stationIds === null ? (await this.repo.listUnder(null)).filter((u) => u.kind === "station").length : stationIds.length,
      merchants,
      merchantsOpen: open,
      merchantsByCategory: [...byCategory].map(([category, count]) => ({ category, count })),
      stalls: stalls.total,
      stallsOccupied: stalls.occupied,
      residents: residents.total,
      residentsElderlyAlone: residents.elderlyAlone,
      allianceUnits: units.reduce((s, u) => s + u.count, 0),
      allianceUnitsByKind: units,
      partyMemberMerchants: party,
      users: Number(users.n),
    };
  }
}

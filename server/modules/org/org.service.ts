// The org tree (district → street → community → station), its management (streets, communities and stations added
// and edited under the caller's district), the onboarding checklist of a new station, and the home page's counts.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import {
  type HomeCounts,
  type Onboarding,
  type OnboardingItem,
  type OrgUnit,
  type OrgUnitDetail,
  type orgUnitCreateSchema,
  type orgUnitUpdateSchema,
  parentKindOf,
} from "../../../contracts/org.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import type { AllianceUnitsService } from "../alliance-units/alliance-units.service.ts";
import type { MerchantsService } from "../merchants/merchants.service.ts";
import type { ResidentsService } from "../residents/residents.service.ts";
import type { StallsService } from "../stalls/stalls.service.ts";
import { presentOrgUnit, presentOrgUnitDetail } from "./org.presenter.ts";
import { OrgRepository, type OrgUnitRow } from "./org.repository.ts";

interface Registry {
  merchants: MerchantsService;
  residents: ResidentsService;
  stalls: StallsService;
  allianceUnits: AllianceUnitsService;
  /** The app's clock (org management's writes and the checklist's "from today"). */
  clock?: Clock;
  /** Told when the tree changes, so cached sessions pick up a new station in their reach at once. */
  onTreeChanged?: () => void;
}

type CreateInput = z.output<typeof orgUnitCreateSchema>;
type UpdateInput = z.output<typeof orgUnitUpdateSchema>;

/** Where each checklist item is done, filtered to the station. */
const onboardingLinks: Record<OnboardingItem, (stationId: number) => string> = {
  accounts: () => "/users",
  allianceUnits: (id) => `/alliance-units?stationId=${id}`,
  serviceItems: (id) => `/services/catalogue?stationId=${id}`,
  dutyRoster: (id) => `/services/roster?stationId=${id}`,
};

const auditView = (u: OrgUnitDetail) => ({ kind: u.kind, parentId: u.parentId, name: u.name, code: u.code, address: u.address });

export class OrgService {
  readonly repo: OrgRepository;
  private readonly db: Kysely<DB>;
  private readonly registry: Registry;
  constructor(db: Kysely<DB>, registry: Registry) {
    this.db = db;
    this.repo = new OrgRepository(db);
    this.registry = registry;
  }

  private get clock(): Clock {
    if (!this.registry.clock) throw new Error("OrgService needs the clock for org management");
    return this.registry.clock;
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

  // ----- org management -----

  /** The units the caller manages: their own unit's subtree (every unit for the platform admin), with versions. */
  async managed(user: SessionUser): Promise<OrgUnitDetail[]> {
    const rows = await this.repo.listUnder(user.role === "platform_admin" ? null : user.orgPath);
    return rows.map(presentOrgUnitDetail);
  }

  /** A unit within the caller's reach (their own unit or below it); 404 otherwise, as for any record out of sight. */
  private inReach(user: SessionUser, row: OrgUnitRow | undefined): OrgUnitRow {
    if (!row) throw notFound();
    if (user.role !== "platform_admin" && !row.path.startsWith(user.orgPath)) throw notFound();
    return row;
  }

  async unit(user: SessionUser, id: number): Promise<OrgUnitDetail> {
    return presentOrgUnitDetail(this.inReach(user, await this.repo.findById(id)));
  }

  private async assertCodeFree(db: Kysely<DB> | Transaction<DB>, code: string, exceptId?: number) {
    if (await this.repo.codeTaken(db, code, exceptId)) throw fail("org.code_taken", [{ field: "code" }], { code });
  }

  /** A street, community or station under a parent in the caller's reach, of the kind right above it. */
  async create(user: SessionUser, input: CreateInput, actor: Actor): Promise<OrgUnitDetail> {
    const at = this.clock.now();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const parent = this.inReach(user, await this.repo.findById(input.parentId, trx));
        if (parent.kind !== parentKindOf[input.kind]) {
          throw fail("org.parent_kind", [{ field: "parentId" }]);
        }
        await this.assertCodeFree(trx, input.code);
        const { id } = await this.repo.insert(trx, {
          parent_id: parent.id,
          kind: input.kind,
          name: input.name,
          code: input.code,
          address: input.address,
          created_at: at.toISOString(),
          parentPath: parent.path,
        });
        const created = presentOrgUnitDetail(this.inReach(user, await this.repo.findById(id, trx)));
        await appendAudit(trx, actor, {
          at,
          action: "org_unit.created",
          objectType: "org_unit",
          objectId: id,
          stationId: input.kind === "station" ? id : null,
          after: auditView(created),
        });
        return id;
      });
      this.registry.onTreeChanged?.();
      return this.unit(user, id);
    } catch (error) {
      // Two people adding the same code at once: the unique index refuses the second.
      if (isUniqueViolation(error)) throw fail("org.code_taken", [{ field: "code" }], { code: input.code });
      throw error;
    }
  }

  /** Renames a unit, changes its code or address; the edit names the version it was made from. */
  async update(user: SessionUser, id: number, input: UpdateInput, actor: Actor): Promise<OrgUnitDetail> {
    const at = this.clock.now();
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = this.inReach(user, await this.repo.findById(id, trx));
        // The district itself is the officer's own root: only the platform admin edits a district.
        if (row.kind === "district" && user.role !== "platform_admin") throw notFound();
        if (input.code !== undefined && input.code.toLowerCase() !== row.code.toLowerCase()) {
          await this.assertCodeFree(trx, input.code, id);
        }
        const values: { name?: string; code?: string; address?: string | null; updated_at: string } = { updated_at: at.toISOString() };
        if (input.name !== undefined) values.name = input.name;
        if (input.code !== undefined) values.code = input.code;
        if (input.address !== undefined) values.address = input.address;
        if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
        const after = await this.repo.findById(id, trx);
        await appendAudit(trx, actor, {
          at,
          action: "org_unit.updated",
          objectType: "org_unit",
          objectId: id,
          stationId: row.kind === "station" ? id : null,
          before: auditView(presentOrgUnitDetail(row)),
          after: after ? auditView(presentOrgUnitDetail(after)) : null,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("org.code_taken", [{ field: "code" }], { code: input.code ?? "" });
      throw error;
    }
    this.registry.onTreeChanged?.();
    return this.unit(user, id);
  }

  // ----- the onboarding checklist -----

  /** The checklist of every station in reach (or of the one asked), each item counted from the records. */
  async onboarding(user: SessionUser, stationId?: number): Promise<Onboarding[]> {
    let ids: number[];
    if (stationId !== undefined) {
      const row = this.inReach(user, await this.repo.findById(stationId));
      if (row.kind !== "station") throw notFound();
      ids = [row.id];
    } else {
      ids = user.stationIds ?? (await this.repo.listUnder(null)).filter((u) => u.kind === "station").map((u) => u.id);
    }
    if (ids.length === 0) return [];
    const today = stationDate(this.clock.now());
    const [accounts, allianceUnits, serviceItems, dutyRoster] = await Promise.all([
      this.repo.staffAccounts(ids),
      this.repo.activeAllianceUnits(ids),
      this.repo.activeServiceItems(ids),
      this.repo.shiftsFrom(ids, today),
    ]);
    const counts: Record<OnboardingItem, Map<number, number>> = { accounts, allianceUnits, serviceItems, dutyRoster };
    return ids.map((id) => {
      const items = (Object.keys(counts) as OnboardingItem[]).map((key) => {
        const count = counts[key].get(id) ?? 0;
        return { key, count, done: count > 0, link: onboardingLinks[key](id) };
      });
      return { stationId: id, done: items.filter((i) => i.done).length, of: items.length, items };
    });
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

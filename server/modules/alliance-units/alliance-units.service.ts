// The business-district alliance's member units ("one leads, seven links"): register, edit, list and export.
// Department officers and alliance contacts see their own unit only.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type {
  AllianceUnit,
  allianceUnitCreateSchema,
  allianceUnitListQuery,
  allianceUnitUpdateSchema,
} from "../../../contracts/alliance-units.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, type SessionUser, scopeKind, stationFilter, targetStation } from "../../platform/scope.ts";
import { allianceUnitSheetRow, auditView, presentAllianceUnit } from "./alliance-units.presenter.ts";
import {
  type AllianceUnitFilter,
  type AllianceUnitRow,
  AllianceUnitsRepository,
  type AllianceUnitValues,
} from "./alliance-units.repository.ts";

type CreateInput = z.output<typeof allianceUnitCreateSchema>;
type UpdateInput = z.output<typeof allianceUnitUpdateSchema>;
type ListQuery = z.output<typeof allianceUnitListQuery>;

const MOBILE = /^1[3-9]\d{9}$/;

/** The unit a unit-scoped account is confined to (0 matches nothing when none is assigned); null when not unit-scoped. */
export function unitScopeOf(user: Pick<SessionUser, "role" | "allianceUnitId">): number | null {
  if (scopeKind(user as SessionUser) !== "unit") return null;
  return user.allianceUnitId ?? 0;
}

export class AllianceUnitsService {
  readonly repo: AllianceUnitsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = new AllianceUnitsRepository(db);
    this.vault = vault;
    this.clock = clock;
  }

  private filterOf(user: SessionUser, query: Partial<ListQuery>): AllianceUnitFilter {
    const q = query.q || undefined;
    return {
      stationIds: stationFilter(user, query.stationId),
      unitId: unitScopeOf(user),
      q,
      contactMobileHash: q && MOBILE.test(q) ? this.vault.blindIndex(q) : undefined,
      kind: query.kind,
      status: query.status,
    };
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list(this.filterOf(user, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      sort: query.sort,
      order: query.order,
    });
    return pageAnswer(
      rows.map((r) => presentAllianceUnit(r, this.vault)),
      { total, totalCapped },
      query,
    );
  }

  private async visibleRow(user: SessionUser, id: number, db: Kysely<DB> = this.db): Promise<AllianceUnitRow> {
    const row = await this.repo.findById(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    const unitId = unitScopeOf(user);
    if (unitId !== null && unitId !== row.id) throw notFound();
    return row;
  }

  async get(user: SessionUser, id: number): Promise<AllianceUnit> {
    return presentAllianceUnit(await this.visibleRow(user, id), this.vault);
  }

  private async presentIn(trx: Transaction<DB> | Kysely<DB>, id: number): Promise<AllianceUnit> {
    const row = await this.repo.findById(id, trx);
    if (!row) throw notFound();
    return presentAllianceUnit(row, this.vault);
  }

  async create(user: SessionUser, input: CreateInput, actor: Actor): Promise<AllianceUnit> {
    const stationId = targetStation(user, input.stationId);
    const at = this.clock.now();
    const now = at.toISOString();
    const values: AllianceUnitValues = {
      station_id: stationId,
      name: input.name,
      kind: input.kind,
      contact_name: input.contactName,
      contact_mobile_enc: input.contactMobile ? this.vault.encrypt(input.contactMobile) : null,
      contact_mobile_hash: input.contactMobile ? this.vault.blindIndex(input.contactMobile) : null,
      address: input.address,
      offers: input.offers,
      status: "active",
      created_at: now,
      updated_at: now,
    };
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.repo.insert(trx, values);
      await appendAudit(trx, actor, {
        at,
        action: "alliance_unit.created",
        objectType: "alliance_unit",
        objectId: newId,
        stationId,
        after: auditView(await this.presentIn(trx, newId)),
      });
      return newId;
    });
    return this.get(user, id);
  }

  async update(user: SessionUser, id: number, input: UpdateInput, actor: Actor): Promise<AllianceUnit> {
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRow(user, id, trx);
      const before = presentAllianceUnit(row, this.vault);
      const values: Partial<AllianceUnitValues> = { updated_at: at.toISOString() };
      if (input.name !== undefined) values.name = input.name;
      if (input.kind !== undefined) values.kind = input.kind;
      if (input.contactName !== undefined) values.contact_name = input.contactName;
      if (input.contactMobile !== undefined) {
        values.contact_mobile_enc = input.contactMobile ? this.vault.encrypt(input.contactMobile) : null;
        values.contact_mobile_hash = input.contactMobile ? this.vault.blindIndex(input.contactMobile) : null;
      }
      if (input.address !== undefined) values.address = input.address;
      if (input.offers !== undefined) values.offers = input.offers;
      if (input.status !== undefined) values.status = input.status;
      if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
      await appendAudit(trx, actor, {
        at,
        action: "alliance_unit.updated",
        objectType: "alliance_unit",
        objectId: id,
        stationId: row.station_id,
        before: auditView(before),
        after: auditView(await this.presentIn(trx, id)),
      });
    });
    return this.get(user, id);
  }

  async *exportRows(user: SessionUser, query: Partial<ListQuery>) {
    for await (const rows of this.repo.iterate(this.filterOf(user, query))) {
      yield rows.map((row) => allianceUnitSheetRow(presentAllianceUnit(row, this.vault)));
    }
  }

  /** Active units by kind over the given stations; null means all. */
  async countsFor(stationIds: number[] | null): Promise<{ kind: string; count: number }[]> {
    const rows = await this.repo.countsFor(stationIds);
    return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
  }
}

export const exportColumns = [
  { key: "name", header: "单位名称" },
  { key: "kind", header: "类别" },
  { key: "contactName", header: "联系人" },
  { key: "contactMobile", header: "联系电话" },
  { key: "address", header: "地址" },
  { key: "offers", header: "可提供资源" },
  { key: "status", header: "状态" },
  { key: "userCount", header: "账号数" },
  { key: "station", header: "服务站" },
] as const;

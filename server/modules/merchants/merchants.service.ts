// The merchant registry: list and search, create and edit with field errors, status changes with history,
// unmasked views that are audited, spreadsheet import and export.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { Locale } from "../../../contracts/errors.ts";
import {
  merchantCreateSchema as createSchema,
  type Merchant,
  type MerchantCategory,
  merchantCategories,
  merchantCategorySheetNames,
  type merchantCreateSchema,
  type merchantListQuery,
  merchantSheetColumns,
  type merchantStatusChangeSchema,
  type merchantUpdateSchema,
} from "../../../contracts/merchants.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, fieldsFromIssues, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { allowedValuesMessage, notSheetBool, sheetBool, sheetBoolValues } from "../../platform/sheets.ts";
import type { Importer, RowIssue } from "../imports/importer.ts";
import { auditView, merchantSheetRow, presentMerchant, presentStatusChange } from "./merchants.presenter.ts";
import { type MerchantFilter, type MerchantRow, MerchantsRepository, type MerchantValues } from "./merchants.repository.ts";
import { categoryValues, merchantTemplate } from "./merchants.template.ts";
import { nextMerchantStatus } from "./merchants.workflow.ts";

type CreateInput = z.output<typeof merchantCreateSchema>;
type UpdateInput = z.output<typeof merchantUpdateSchema>;
type ListQuery = z.output<typeof merchantListQuery>;

const creditCodeTaken = () => fail("merchant.credit_code_taken", [{ field: "creditCode" }]);

export class MerchantsService {
  readonly repo: MerchantsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = new MerchantsRepository(db);
    this.vault = vault;
    this.clock = clock;
  }

  private filterOf(user: SessionUser, query: Partial<ListQuery>): MerchantFilter {
    return {
      stationIds: stationFilter(user, query.stationId),
      q: query.q || undefined,
      category: query.category,
      status: query.status,
      isPartyMember: query.isPartyMember === undefined ? undefined : query.isPartyMember === "true",
    };
  }

  private present(rows: MerchantRow[]): Merchant[] {
    return rows.map((r) => presentMerchant(r, this.vault));
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list(this.filterOf(user, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      sort: query.sort,
      order: query.order,
    });
    return pageAnswer(this.present(rows), { total, totalCapped }, query);
  }

  private async visibleRow(user: SessionUser, id: number, db: Kysely<DB> = this.db): Promise<MerchantRow> {
    const row = await this.repo.findById(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async get(user: SessionUser, id: number): Promise<Merchant> {
    const [m] = this.present([await this.visibleRow(user, id)]);
    return m;
  }

  /** The merchant record of a merchant's own account. */
  async own(user: SessionUser): Promise<Merchant> {
    if (!user.merchantId) throw notFound();
    const row = await this.repo.findById(user.merchantId);
    if (!row) throw notFound();
    const [m] = this.present([row]);
    return m;
  }

  async personal(user: SessionUser, id: number, actor: Actor) {
    const row = await this.visibleRow(user, id);
    const mobile = this.vault.decrypt(row.mobile_enc);
    const now = this.clock.now();
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, actor, {
        at: now,
        action: "merchant.personal_viewed",
        objectType: "merchant",
        objectId: id,
        stationId: row.station_id,
        after: { fields: ["mobile"] },
      }),
    );
    return { mobile };
  }

  private rowValues(input: Omit<CreateInput, "stationId">, stationId: number, now: string): MerchantValues {
    return {
      station_id: stationId,
      name: input.name,
      category: input.category,
      operator_name: input.operatorName,
      mobile_enc: this.vault.encrypt(input.mobile),
      mobile_hash: this.vault.blindIndex(input.mobile),
      credit_code: input.creditCode,
      licence_valid_from: input.licenceValidFrom,
      licence_valid_to: input.licenceValidTo,
      status: "open",
      is_party_member: input.isPartyMember ? 1 : 0,
      note: input.note,
      created_at: now,
      updated_at: now,
    };
  }

  async create(user: SessionUser, input: CreateInput, actor: Actor): Promise<Merchant> {
    const stationId = targetStation(user, input.stationId);
    const at = this.clock.now();
    const now = at.toISOString();
    try {
      // The credit code's unique index refuses a taken one (the catch below names the field): no look-up first.
      return await this.db.transaction().execute(async (trx) => {
        const values = this.rowValues(input, stationId, now);
        const created = await this.repo.createWithStatus(trx, values, {
          from_status: null,
          to_status: "open",
          reason: null,
          actor_user_id: actor.userId,
          at: now,
        });
        // The row as written (not read back): a new merchant has no stall yet.
        const [merchant] = this.present([{ ...values, ...created, version: 1, stall_list: null }]);
        await appendAudit(trx, actor, {
          at,
          action: "merchant.created",
          objectType: "merchant",
          objectId: created.id,
          stationId,
          after: auditView(merchant),
        });
        return merchant;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw creditCodeTaken();
      throw error;
    }
  }

  private async presentIn(trx: Transaction<DB> | Kysely<DB>, id: number) {
    const row = await this.repo.findById(id, trx);
    if (!row) throw notFound();
    return [presentMerchant(row, this.vault)];
  }

  async update(user: SessionUser, id: number, input: UpdateInput, actor: Actor): Promise<Merchant> {
    const now = this.clock.now();
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await this.visibleRow(user, id, trx);
        const [before] = await this.presentIn(trx, id);
        const from = input.licenceValidFrom !== undefined ? input.licenceValidFrom : row.licence_valid_from;
        const to = input.licenceValidTo !== undefined ? input.licenceValidTo : row.licence_valid_to;
        if (from && to && to < from) throw fail("request.invalid", [{ field: "licenceValidTo", key: "v.date_order" }]);
        const values: Parameters<MerchantsRepository["update"]>[3] = { updated_at: now.toISOString() };
        if (input.name !== undefined) values.name = input.name;
        if (input.category !== undefined) values.category = input.category;
        if (input.operatorName !== undefined) values.operator_name = input.operatorName;
        if (input.mobile !== undefined) {
          values.mobile_enc = this.vault.encrypt(input.mobile);
          values.mobile_hash = this.vault.blindIndex(input.mobile);
        }
        if (input.creditCode !== undefined && input.creditCode !== row.credit_code) {
          const owner = await this.repo.creditCodeOwner(trx, input.creditCode);
          if (owner && owner.id !== id) throw creditCodeTaken();
          values.credit_code = input.creditCode;
        }
        if (input.licenceValidFrom !== undefined) values.licence_valid_from = input.licenceValidFrom;
        if (input.licenceValidTo !== undefined) values.licence_valid_to = input.licenceValidTo;
        if (input.isPartyMember !== undefined) values.is_party_member = input.isPartyMember ? 1 : 0;
        if (input.note !== undefined) values.note = input.note;
        if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
        const [after] = await this.presentIn(trx, id);
        await appendAudit(trx, actor, {
          at: now,
          action: "merchant.updated",
          objectType: "merchant",
          objectId: id,
          stationId: row.station_id,
          before: auditView(before),
          after: auditView(after),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw creditCodeTaken();
      throw error;
    }
    return this.get(user, id);
  }

  async changeStatus(user: SessionUser, id: number, input: z.output<typeof merchantStatusChangeSchema>, actor: Actor) {
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRow(user, id, trx);
      const step = nextMerchantStatus(row.status, input.status);
      if (!step.ok) throw fail(step.refusal, [{ field: "status" }]);
      const now = at.toISOString();
      if (!(await this.repo.update(trx, id, input.version, { status: step.status, updated_at: now }))) throw conflict();
      await this.repo.insertStatusChange(trx, {
        merchant_id: id,
        from_status: row.status,
        to_status: step.status,
        reason: input.reason,
        actor_user_id: actor.userId,
        at: now,
      });
      await appendAudit(trx, actor, {
        at,
        action: "merchant.status_changed",
        objectType: "merchant",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: step.status, reason: input.reason },
      });
    });
    return this.get(user, id);
  }

  async statusChanges(user: SessionUser, id: number) {
    await this.visibleRow(user, id);
    const rows = await this.repo.statusChanges(id);
    return rows.map(presentStatusChange);
  }

  async *exportRows(user: SessionUser, query: Partial<ListQuery>) {
    for await (const rows of this.repo.iterate(this.filterOf(user, query))) {
      yield this.present(rows).map(merchantSheetRow);
    }
  }

  importer(): Importer<CreateInput> {
    return {
      columns: merchantSheetColumns,
      template: merchantTemplate,
      checkRow: (values, locale) => {
        const category =
          merchantCategories.find((c) => c === values.category || merchantCategorySheetNames[c] === values.category) ?? values.category;
        // Enumerated columns: a value outside the list is refused with the list itself.
        const listed: RowIssue[] = [];
        if (!merchantCategories.includes(category as MerchantCategory)) {
          listed.push({
            column: columnHeader("category"),
            message: allowedValuesMessage(columnHeader("category"), categoryValues, locale),
          });
        }
        if (notSheetBool(values.isPartyMember)) {
          listed.push({
            column: columnHeader("isPartyMember"),
            message: allowedValuesMessage(columnHeader("isPartyMember"), sheetBoolValues, locale),
          });
        }
        const parsed = createSchema.safeParse({
          name: values.name,
          category,
          operatorName: values.operatorName,
          mobile: values.mobile,
          creditCode: values.creditCode,
          licenceValidFrom: values.licenceValidFrom || null,
          licenceValidTo: values.licenceValidTo || null,
          isPartyMember: sheetBool(values.isPartyMember ?? ""),
          note: values.note || null,
        });
        if (parsed.success && listed.length === 0) return { data: parsed.data };
        const others = parsed.success
          ? []
          : fieldsFromIssues(parsed.error.issues as never, locale)
              .map((f) => ({ column: columnHeader(f.field), message: f.message }))
              .filter((i) => !listed.some((l) => l.column === i.column));
        return { issues: [...listed, ...others] };
      },
      checkAgainstExisting: async (rows, _stationId, locale) => {
        const issues = new Map<number, RowIssue[]>();
        const seen = new Map<string, number>();
        const message = locale === "en" ? "credit code already registered" : "统一社会信用代码已存在";
        for (const [i, r] of rows.entries()) {
          const dupInFile = seen.has(r.creditCode);
          seen.set(r.creditCode, i);
          if (dupInFile || (await this.repo.creditCodeOwner(this.db, r.creditCode))) {
            issues.set(i, [
              {
                column: columnHeader("creditCode"),
                message: dupInFile ? (locale === "en" ? "credit code repeated in the file" : "文件内统一社会信用代码重复") : message,
              },
            ]);
          }
        }
        return issues;
      },
      insert: async (trx, rows, stationId, actor, at) => {
        const now = at.toISOString();
        for (const r of rows) if (await this.repo.creditCodeOwner(trx, r.creditCode)) throw creditCodeTaken();
        const ids = await this.repo.insertMany(
          trx,
          rows.map((r) => this.rowValues(r, stationId, now)),
        );
        for (const [i, id] of ids.entries()) {
          await this.repo.insertStatusChange(trx, {
            merchant_id: id,
            from_status: null,
            to_status: "open",
            reason: null,
            actor_user_id: actor.userId,
            at: now,
          });
          await appendAudit(trx, actor, {
            at,
            action: "merchant.imported",
            objectType: "merchant",
            objectId: id,
            stationId,
            after: { name: rows[i].name, category: rows[i].category, creditCode: rows[i].creditCode },
          });
        }
        return ids.length;
      },
    };
  }

  async countsFor(stationIds: number[] | null) {
    return this.repo.countsFor(stationIds);
  }
}

function columnHeader(field: string): string {
  const key = field.split(".")[0];
  return merchantSheetColumns.find((c) => c.key === key)?.header ?? key;
}

export const exportColumns = [
  ...merchantSheetColumns,
  { key: "status", header: "状态" },
  { key: "stalls", header: "摊位" },
  { key: "station", header: "服务站" },
] as const;

export type { Locale };

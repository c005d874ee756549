// The resident register: list and search (exact look-up by a whole mobile or ID number through the blind
// indexes), create and edit with field errors, audited unmasked views, spreadsheet import and export.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import {
  residentCreateSchema as createSchema,
  type Resident,
  type residentCreateSchema,
  type residentListQuery,
  residentSheetColumns,
  type residentUpdateSchema,
} from "../../../contracts/residents.ts";
import { maskIdNumber, maskMobile } from "../../../contracts/validators.ts";
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
import {
  ageOn,
  auditView,
  bornByForAge,
  derivedFromIdNumber,
  ELDERLY_AGE,
  isElderlyAge,
  presentResident,
  residentSheetRow,
} from "./residents.presenter.ts";
import { type ResidentFilter, type ResidentRow, ResidentsRepository, type ResidentValues } from "./residents.repository.ts";
import { residentTemplate } from "./residents.template.ts";

type CreateInput = z.output<typeof residentCreateSchema>;
type ResidentUpdateInput = z.output<typeof residentUpdateSchema>;
type ListQuery = z.output<typeof residentListQuery>;

const MOBILE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

const idNumberTaken = () => fail("resident.id_number_taken", [{ field: "idNumber" }]);

export class ResidentsService {
  readonly repo: ResidentsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = new ResidentsRepository(db);
    this.vault = vault;
    this.clock = clock;
  }

  /** The station's calendar date now: ages and the elderly flag turn over at local midnight. */
  private today(): string {
    return stationDate(this.clock.now());
  }

  private filterOf(user: SessionUser, query: Partial<ListQuery>, today: string): ResidentFilter {
    const q = query.q || undefined;
    return {
      stationIds: stationFilter(user, query.stationId),
      q,
      mobileHash: q && MOBILE.test(q) ? this.vault.blindIndex(q) : undefined,
      idNumberHash: q && ID_NUMBER.test(q) ? this.vault.blindIndex(q) : undefined,
      grid: query.grid || undefined,
      isLiaisonHead: query.isLiaisonHead === undefined ? undefined : query.isLiaisonHead === "true",
      livesAlone: query.livesAlone === undefined ? undefined : query.livesAlone === "true",
      elderlyBornBy:
        query.isElderly === undefined ? undefined : { elderly: query.isElderly === "true", cutoff: bornByForAge(ELDERLY_AGE, today) },
    };
  }

  private present(rows: ResidentRow[], today: string): Resident[] {
    return rows.map((r) => presentResident(r, this.vault, today));
  }

  async list(user: SessionUser, query: ListQuery) {
    const today = this.today();
    const { rows, total, totalCapped } = await this.repo.list(this.filterOf(user, query, today), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      sort: query.sort,
      order: query.order,
    });
    return pageAnswer(this.present(rows, today), { total, totalCapped }, query);
  }

  private async visibleRow(user: SessionUser, id: number, db: Kysely<DB> = this.db): Promise<ResidentRow> {
    const row = await this.repo.findById(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async get(user: SessionUser, id: number): Promise<Resident> {
    return presentResident(await this.visibleRow(user, id), this.vault, this.today());
  }

  /** The resident record of a resident's own account. */
  async own(user: SessionUser): Promise<Resident> {
    if (!user.residentId) throw notFound();
    const row = await this.repo.findById(user.residentId);
    if (!row) throw notFound();
    return presentResident(row, this.vault, this.today());
  }

  async personal(user: SessionUser, id: number, actor: Actor) {
    const row = await this.visibleRow(user, id);
    const idNumber = this.vault.decrypt(row.id_number_enc);
    const mobile = row.mobile_enc ? this.vault.decrypt(row.mobile_enc) : null;
    const now = this.clock.now();
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, actor, {
        at: now,
        action: "resident.personal_viewed",
        objectType: "resident",
        objectId: id,
        stationId: row.station_id,
        after: { fields: mobile ? ["idNumber", "mobile"] : ["idNumber"] },
      }),
    );
    return { idNumber, mobile };
  }

  private rowValues(input: Omit<CreateInput, "stationId">, stationId: number, now: string, today: string): ResidentValues {
    const derived = derivedFromIdNumber(input.idNumber, today);
    return {
      station_id: stationId,
      name: input.name,
      gender: derived.gender,
      birth_date: derived.birthDate,
      mobile_enc: input.mobile ? this.vault.encrypt(input.mobile) : null,
      mobile_hash: input.mobile ? this.vault.blindIndex(input.mobile) : null,
      id_number_enc: this.vault.encrypt(input.idNumber),
      id_number_hash: this.vault.blindIndex(input.idNumber),
      address: input.address,
      grid: input.grid,
      is_liaison_head: input.isLiaisonHead ? 1 : 0,
      lives_alone: input.livesAlone ? 1 : 0,
      is_elderly: derived.isElderly ? 1 : 0,
      consents: JSON.stringify(input.consents),
      note: input.note,
      created_at: now,
      updated_at: now,
    };
  }

  private async presentIn(trx: Transaction<DB> | Kysely<DB>, id: number, today: string): Promise<Resident> {
    const row = await this.repo.findById(id, trx);
    if (!row) throw notFound();
    return presentResident(row, this.vault, today);
  }

  async create(user: SessionUser, input: CreateInput, actor: Actor): Promise<Resident> {
    const stationId = targetStation(user, input.stationId);
    const at = this.clock.now();
    const now = at.toISOString();
    const today = stationDate(at);
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        if (await this.repo.idNumberOwner(trx, stationId, this.vault.blindIndex(input.idNumber))) throw idNumberTaken();
        const newId = await this.repo.insert(trx, this.rowValues(input, stationId, now, today));
        const created = await this.presentIn(trx, newId, today);
        await appendAudit(trx, actor, {
          at,
          action: "resident.created",
          objectType: "resident",
          objectId: newId,
          stationId,
          after: auditView(created),
        });
        return newId;
      });
      return this.get(user, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw idNumberTaken();
      throw error;
    }
  }

  async update(user: SessionUser, id: number, input: ResidentUpdateInput, actor: Actor): Promise<Resident> {
    const at = this.clock.now();
    const today = stationDate(at);
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await this.visibleRow(user, id, trx);
        const before = presentResident(row, this.vault, today);
        const values: Partial<ResidentValues> = { updated_at: at.toISOString() };
        let birthDate = row.birth_date;
        if (input.idNumber !== undefined) {
          const hash = this.vault.blindIndex(input.idNumber);
          const owner = await this.repo.idNumberOwner(trx, row.station_id, hash);
          if (owner && owner.id !== id) throw idNumberTaken();
          const derived = derivedFromIdNumber(input.idNumber, today);
          values.id_number_enc = this.vault.encrypt(input.idNumber);
          values.id_number_hash = hash;
          values.birth_date = derived.birthDate;
          values.gender = derived.gender;
          birthDate = derived.birthDate;
        }
        // Elderly is refreshed on every write, so a record edited after a 60th birthday is right again.
        values.is_elderly = birthDate ? (isElderlyAge(ageOn(birthDate, today)) ? 1 : 0) : row.is_elderly;
        if (input.name !== undefined) values.name = input.name;
        if (input.mobile !== undefined) {
          values.mobile_enc = input.mobile ? this.vault.encrypt(input.mobile) : null;
          values.mobile_hash = input.mobile ? this.vault.blindIndex(input.mobile) : null;
        }
        if (input.address !== undefined) values.address = input.address;
        if (input.grid !== undefined) values.grid = input.grid;
        if (input.isLiaisonHead !== undefined) values.is_liaison_head = input.isLiaisonHead ? 1 : 0;
        if (input.livesAlone !== undefined) values.lives_alone = input.livesAlone ? 1 : 0;
        if (input.consents !== undefined) values.consents = JSON.stringify(input.consents);
        if (input.note !== undefined) values.note = input.note;
        if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
        const after = await this.presentIn(trx, id, today);
        await appendAudit(trx, actor, {
          at,
          action: "resident.updated",
          objectType: "resident",
          objectId: id,
          stationId: row.station_id,
          before: auditView(before),
          after: auditView(after),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw idNumberTaken();
      throw error;
    }
    return this.get(user, id);
  }

  async *exportRows(user: SessionUser, query: Partial<ListQuery>) {
    const today = this.today();
    for await (const rows of this.repo.iterate(this.filterOf(user, query, today))) {
      yield this.present(rows, today).map(residentSheetRow);
    }
  }

  importer(): Importer<CreateInput> {
    return {
      columns: residentSheetColumns,
      template: residentTemplate,
      checkRow: (values, locale) => {
        const listed: RowIssue[] = (["isLiaisonHead", "livesAlone"] as const)
          .filter((key) => notSheetBool(values[key]))
          .map((key) => ({ column: columnHeader(key), message: allowedValuesMessage(columnHeader(key), sheetBoolValues, locale) }));
        const parsed = createSchema.safeParse({
          name: values.name,
          idNumber: values.idNumber,
          mobile: values.mobile || null,
          address: values.address || null,
          grid: values.grid || null,
          isLiaisonHead: sheetBool(values.isLiaisonHead ?? ""),
          livesAlone: sheetBool(values.livesAlone ?? ""),
          note: values.note || null,
        });
        if (parsed.success && listed.length === 0) return { data: parsed.data };
        const others = parsed.success
          ? []
          : fieldsFromIssues(parsed.error.issues as never, locale).map((f) => ({ column: columnHeader(f.field), message: f.message }));
        return { issues: [...listed, ...others] };
      },
      checkAgainstExisting: async (rows, stationId, locale) => {
        const issues = new Map<number, RowIssue[]>();
        const hashes = rows.map((r) => this.vault.blindIndex(r.idNumber));
        const taken = await this.repo.idNumbersTaken(this.db, stationId, [...new Set(hashes)]);
        const seen = new Set<string>();
        for (const [i, hash] of hashes.entries()) {
          const dupInFile = seen.has(hash);
          seen.add(hash);
          if (dupInFile || taken.has(hash)) {
            const message = dupInFile
              ? locale === "en"
                ? "ID number repeated in the file"
                : "文件内身份证号重复"
              : locale === "en"
                ? "ID number already registered at this station"
                : "该身份证号已在本站登记";
            issues.set(i, [{ column: columnHeader("idNumber"), message }]);
          }
        }
        return issues;
      },
      insert: async (trx, rows, stationId, actor, at) => {
        const now = at.toISOString();
        const today = stationDate(at);
        const hashes = rows.map((r) => this.vault.blindIndex(r.idNumber));
        if (new Set(hashes).size !== hashes.length) throw idNumberTaken();
        if ((await this.repo.idNumbersTaken(trx, stationId, hashes)).size > 0) throw idNumberTaken();
        const values = rows.map((r) => this.rowValues(r, stationId, now, today));
        const ids = await this.repo.insertMany(trx, values);
        for (const [i, id] of ids.entries()) {
          const r = rows[i];
          await appendAudit(trx, actor, {
            at,
            action: "resident.imported",
            objectType: "resident",
            objectId: id,
            stationId,
            after: {
              name: r.name,
              idNumber: maskIdNumber(r.idNumber),
              mobile: r.mobile ? maskMobile(r.mobile) : null,
              grid: r.grid,
              isLiaisonHead: r.isLiaisonHead,
              livesAlone: r.livesAlone,
            },
          });
        }
        return ids.length;
      },
    };
  }

  /** Head counts (total, elderly, living alone, elderly living alone, liaison heads) over the given stations; null means all. */
  async countsFor(stationIds: number[] | null) {
    return this.repo.countsFor(stationIds, bornByForAge(ELDERLY_AGE, this.today()));
  }
}

function columnHeader(field: string): string {
  const key = field.split(".")[0];
  return residentSheetColumns.find((c) => c.key === key)?.header ?? key;
}

export const exportColumns = [...residentSheetColumns, { key: "age", header: "年龄" }, { key: "station", header: "服务站" }] as const;

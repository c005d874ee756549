// Export of any list: the list's own service method is called page after page with the caller's filters,
// so the sheet holds exactly the rows the list selects (all pages), masked exactly as the list shows them;
// headers and values are the console's words in the caller's language (labels.ts). Every export is audited.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Action } from "../../contracts/access.ts";
import { stationDate, stationTime } from "../../contracts/calendar.ts";
import type { Locale } from "../../contracts/errors.ts";
import type { DB } from "../db/tables.ts";
import { type Actor, appendAudit } from "./audit.ts";
import { actorOf, requireUser } from "./auth.ts";
import type { Clock } from "./clock.ts";
import { localeOf } from "./errors.ts";
import { sendXlsx } from "./http.ts";
import { label } from "./labels.ts";
import type { SessionUser } from "./scope.ts";
import { writeSheet } from "./sheets.ts";

/** One column of the sheet: the list column's title key and how its cell reads. */
export interface ExportColumn<T> {
  title: string;
  value: (row: T, words: Words) => unknown;
}

/** What a cell may need: the console's words, and a station's name by id. */
export interface Words {
  l: (key: string, params?: Record<string, string | number>) => string;
  station: (id: number | null | undefined) => string;
}

/** The station column every list whose rows belong to a station carries. */
export function stationColumn<T extends { stationId: number | null }>(): ExportColumn<T> {
  return { title: "list.station", value: (r, w) => w.station(r.stationId) };
}

type Listed<T> = { items: T[]; total: number; totalCapped?: boolean } | T[];

export interface ListExportSpec<S extends z.ZodType, T> {
  /** The list's address; the export answers at `<path>/export`. */
  path: string;
  access: Action;
  tags: string[];
  querystring: S;
  /** Audit object type and file name (`merchants` → merchants.xlsx). */
  name: string;
  /** The sheet's title key. */
  title: string;
  list: (user: SessionUser, query: z.output<S>, locale: Locale) => Promise<Listed<T>>;
  columns: ExportColumn<T>[];
}

const PAGE = 200;

/** Audits exports; the one place that writes for them. */
export class ListExports {
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  async stationNames(): Promise<Map<number, string>> {
    const rows = await this.db.selectFrom("org_units").select(["id", "name"]).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async record(user: SessionUser, actor: Actor, name: string, query: Record<string, unknown>, rows: number) {
    const { page: _page, pageSize: _size, ...filters } = query;
    const requested = typeof query.stationId === "number" ? query.stationId : null;
    const stationId = requested ?? (user.stationIds?.length === 1 ? user.stationIds[0] : null);
    const at = this.clock.now();
    await this.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { at, action: "list.exported", objectType: name, stationId, after: { filters, rows } }));
  }
}

/** Every row the list selects for these filters, all pages. */
export async function allRows<Q, T>(list: (query: Q) => Promise<Listed<T>>, query: Q): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await list({ ...query, page, pageSize: PAGE });
    if (Array.isArray(res)) return res;
    out.push(...res.items);
    // A capped total is a lower bound (server/db/paging.ts): only a short page ends those.
    if (res.items.length < PAGE || (!res.totalCapped && out.length >= res.total)) return out;
  }
}

export function sheetTitle(text: string) {
  return text.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1";
}

export function listExportRoute<S extends z.ZodType, T>(app: FastifyInstance, exports: ListExports, spec: ListExportSpec<S, T>) {
  app.withTypeProvider<ZodTypeProvider>().get(
    `${spec.path}/export`,
    {
      config: { access: spec.access },
      schema: {
        tags: spec.tags,
        summary: "Export every row of the current filter as xlsx, masked as the list shows it",
        querystring: spec.querystring,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const locale = localeOf(request);
      const query = request.query as z.output<S>;
      const rows = await allRows((q) => spec.list(user, q, locale), query);
      const l = (key: string, params?: Record<string, string | number>) => label(locale, key, params);
      const names = await exports.stationNames();
      const words: Words = { l, station: (id) => (id === null || id === undefined ? "" : (names.get(id) ?? String(id))) };
      const columns = spec.columns.map((c, i) => ({ key: `c${i}`, header: l(c.title) }));
      const cells = rows.map((row) => Object.fromEntries(spec.columns.map((c, i) => [`c${i}`, cell(c.value(row, words), l)])));
      const data = await writeSheet(sheetTitle(l(spec.title)), columns, [cells]);
      await exports.record(user, actorOf(request), spec.name, query as Record<string, unknown>, rows.length);
      return sendXlsx(reply, data, `${spec.name}.xlsx`);
    },
  );
}

function cell(value: unknown, l: (key: string) => string): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return l(value ? "yes" : "no");
  if (Array.isArray(value)) return value.join("、");
  return value;
}

/** A time as the station reads it (2025-03-01 09:30), as the lists show it. */
export function when(at: string | null | undefined): string {
  return at ? `${stationDate(at)} ${stationTime(at)}` : "";
}

/** Yuan from fen, as a number the sheet can sum. */
export function yuan(fen: number | null | undefined): number | string {
  return fen === null || fen === undefined ? "" : Math.round(fen) / 100;
}

/** Passes a list's batches through while counting its rows (for the audit entry of an export that streams). */
export function counted<T>(rows: AsyncIterable<T[]>): { rows: AsyncIterable<T[]>; count: () => number } {
  let n = 0;
  async function* pass() {
    for await (const batch of rows) {
      n += batch.length;
      yield batch;
    }
  }
  return { rows: pass(), count: () => n };
}

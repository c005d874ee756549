import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

export interface AuditFilter {
  stationIds: number[] | null;
  q?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  actorUserId?: number;
  from?: string;
  to?: string;
}

export class AuditRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filtered(f: AuditFilter) {
    let q = this.db.selectFrom("audit_log");
    // Station users see their stations' entries (an account's changes among them: they go to its station's log);
    // the platform admin sees all.
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "station_id"));
    if (f.action) q = q.where("action", "=", f.action);
    if (f.objectType) q = q.where("object_type", "=", f.objectType);
    if (f.objectId) q = q.where("object_id", "=", f.objectId);
    if (f.actorUserId) q = q.where("actor_user_id", "=", f.actorUserId);
    if (f.from) q = q.where("at", ">=", f.from);
    if (f.to) q = q.where("at", "<=", f.to);
    if (f.q) {
      const text = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(eb, "actor_name", text),
          containsText(eb, "action", text),
          containsText(eb, "after_json", text),
          containsText(eb, "before_json", text),
        ]),
      );
    }
    return q;
  }

  async list(f: AuditFilter, limit: number, offset: number) {
    const items = await this.filtered(f).selectAll().orderBy("seq", "desc").limit(limit).offset(offset).execute();
    const total = await this.filtered(f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { items, total: Number(total.n) };
  }
}

export type AuditRow = Awaited<ReturnType<AuditRepository["list"]>>["items"][number];

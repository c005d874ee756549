// The audit log: every write appends who, what, when, before/after and from where. Entries are hash-chained
// (each hash covers the previous one), and the chain head lives in its own row so that appends serialise
// and a deleted tail shows.
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { prepared } from "../db/prepared.ts";
import type { AuditLogTable, DB } from "../db/tables.ts";

export interface Actor {
  userId: number | null;
  name: string | null;
  role: string | null;
  ip: string | null;
}

export const systemActor: Actor = { userId: null, name: "system", role: null, ip: null };

export interface AuditInput {
  /** When the change happened: the instant the service read from the clock for it. */
  at: Date;
  action: string;
  objectType: string;
  objectId?: string | number | null;
  stationId?: number | null;
  before?: unknown;
  after?: unknown;
}

type Db = Kysely<DB> | Transaction<DB>;

function hashEntry(e: Omit<AuditLogTable, "hash">): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actor_user_id,
    e.actor_name,
    e.actor_role,
    e.station_id,
    e.action,
    e.object_type,
    e.object_id,
    e.before_json,
    e.after_json,
    e.ip,
    e.prev_hash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

// The chain's three statements, compiled once (every write runs them).
const readHead = prepared((db, _none: object, dialect) => {
  const q = db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
  return dialect === "postgres" ? q.forUpdate() : q;
});
const insertEntry = prepared((db, entry: AuditLogTable) => db.insertInto("audit_log").values(entry));
const moveHead = prepared((db, head: { seq: number; hash: string }) => db.updateTable("audit_head").set(head).where("id", "=", 1));

/** Appends inside the caller's transaction, so the entry lands exactly when the change does. */
export async function appendAudit(trx: Db, actor: Actor, input: AuditInput): Promise<number> {
  const [head] = (await readHead(trx, {})).rows;
  if (!head) throw new Error("audit_head is missing");
  const entry = {
    seq: head.seq + 1,
    at: input.at.toISOString(),
    actor_user_id: actor.userId,
    actor_name: actor.name,
    actor_role: actor.role,
    station_id: input.stationId ?? null,
    action: input.action,
    object_type: input.objectType,
    object_id: input.objectId == null ? null : String(input.objectId),
    before_json: input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
    after_json: input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
    ip: actor.ip,
    prev_hash: head.hash,
  };
  const hash = hashEntry(entry);
  await insertEntry(trx, { ...entry, hash });
  await moveHead(trx, { seq: entry.seq, hash });
  return entry.seq;
}

export interface ChainProblem {
  seq: number;
  kind: "edited" | "missing" | "reordered" | "head_mismatch";
  message: string;
}

/** Walks the whole chain in order and names every entry that was edited, deleted or moved. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<{ ok: boolean; checked: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = "0".repeat(64);
  let checked = 0;
  let after = 0;
  for (;;) {
    const batch = await db.selectFrom("audit_log").selectAll().where("seq", ">", after).orderBy("seq").limit(2000).execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      checked++;
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: row.seq,
          kind: "missing",
          message: `entries ${expectedSeq}..${row.seq - 1} are missing before entry ${row.seq}`,
        });
      }
      const { hash, ...rest } = row;
      const recomputed = hashEntry(rest);
      if (recomputed !== hash) {
        problems.push({ seq: row.seq, kind: "edited", message: `entry ${row.seq} was changed after it was written` });
      } else if (row.prev_hash !== prevHash && row.seq === expectedSeq) {
        problems.push({
          seq: row.seq,
          kind: "reordered",
          message: `entry ${row.seq} does not follow the entry before it (moved or replaced)`,
        });
      }
      prevHash = hash;
      expectedSeq = row.seq + 1;
      after = row.seq;
    }
  }
  const head = await db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
    problems.push({
      seq: head.seq,
      kind: "head_mismatch",
      message:
        head.seq > expectedSeq - 1
          ? `entries ${expectedSeq}..${head.seq} at the end of the log are missing`
          : `the chain head does not match the last entry ${expectedSeq - 1}`,
    });
  }
  return { ok: problems.length === 0, checked, problems };
}

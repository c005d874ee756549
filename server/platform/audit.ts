// The audit log: every write appends who, what, when, before/after and from where. Entries are hash-chained
// (each hash covers the previous one), in many chains rather than one (migration 18): a station's entries go to
// one of its SHARDS chains, entries without a station to the platform's; each chain's head lives in its own
// row of `audit_heads`, so a deleted tail shows, and appends to different chains never wait for each other.
//
// On PostgreSQL the entry is taken when the service asks but written as the transaction's last statement (just
// before COMMIT, server/db/before-commit.ts), in ONE statement that moves the head and inserts the entry: the
// head's row lock is held for that statement and the commit only. The chain's link hash is computed by the
// database there (sha256 over text the verifier rebuilds). On SQLite, where writes are serialised anyway, the
// entry is written at once, to shard 0 of its station.
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { beforeCommitStatement } from "../db/before-commit.ts";
import { dialectOf } from "../db/database.ts";
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

/** Chains per station (and for the platform). Changing it changes only where new entries go. */
export const SHARDS = 8;
/** The chain of a station's shard; the platform's chains (no station) are 0..SHARDS-1, chain 0 holding the pre-18 log. */
export const chainOf = (stationId: number | null, shard: number) => (stationId ?? 0) * SHARDS + shard;

const ZERO = "0".repeat(64);
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

type Content = Pick<
  AuditLogTable,
  | "at"
  | "actor_user_id"
  | "actor_name"
  | "actor_role"
  | "station_id"
  | "action"
  | "object_type"
  | "object_id"
  | "before_json"
  | "after_json"
  | "ip"
> & { chain: number };

/** The single chain's hash (format 1, entries written before migration 18). */
function hashEntryV1(e: Content & { seq: number; prev_hash: string }): string {
  return sha256(
    JSON.stringify([
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
    ]),
  );
}

/** Format 2: the hash of what the entry says, including its chain. */
export function contentHash(e: Content): string {
  return sha256(
    JSON.stringify([
      e.chain,
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
    ]),
  );
}

/** Format 2: the link, over the previous entry's hash, the place in the chain, the global seq and the content. */
export const linkHash = (prev: string, chainSeq: number, seq: number, content: string) => sha256(`${prev}:${chainSeq}:${seq}:${content}`);

function contentOf(actor: Actor, input: AuditInput, chain: number): Content {
  return {
    chain,
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
  };
}

// SQLite: the statements, compiled once (every write runs them).
const readHead = prepared((db, v: { chain: number }) => db.selectFrom("audit_heads").select(["seq", "hash"]).where("chain", "=", v.chain));
const nextSeq = prepared((db, _none: object) =>
  db.selectFrom("audit_log").select((eb) => eb.fn.coalesce(eb.fn.max("seq"), eb.lit(0)).as("m")),
);
const insertEntry = prepared((db, entry: Omit<AuditLogTable, "chain" | "format"> & { chain: number; format: number }) =>
  db.insertInto("audit_log").values(entry),
);
const moveHead = prepared(
  (db, head: { chain: number; station_id: number | null; seq: number; last_seq: number; prev_hash: string; hash: string }) =>
    db
      .insertInto("audit_heads")
      .values(head)
      .onConflict((oc) =>
        oc.column("chain").doUpdateSet((eb) => ({
          seq: eb.ref("excluded.seq"),
          last_seq: eb.ref("excluded.last_seq"),
          prev_hash: eb.ref("excluded.prev_hash"),
          hash: eb.ref("excluded.hash"),
        })),
      ),
);

// PostgreSQL: one statement takes the chain's next place (creating its head on first use), the global seq from
// the sequence, computes the link hash from the head's hash (the CTE `head`), and inserts the entry. It runs at the
// commit, and the transaction's deferred writes (notifications) go with it (server/db/before-commit.ts).
const PG_APPEND_HEAD = `  insert into audit_heads as a (chain, station_id, seq, last_seq, prev_hash, hash)
  select $1::integer, $2::integer, 1, n.s, '${ZERO}',
         encode(sha256(convert_to('${ZERO}:1:' || n.s || ':' || $3::text, 'UTF8')), 'hex')
  from (select nextval('audit_log_seq_seq') as s) n
  on conflict (chain) do update set
    seq = a.seq + 1,
    last_seq = excluded.last_seq,
    prev_hash = a.hash,
    hash = encode(sha256(convert_to(a.hash || ':' || (a.seq + 1) || ':' || excluded.last_seq || ':' || $3::text, 'UTF8')), 'hex')
  returning seq, last_seq, prev_hash, hash`;
const PG_APPEND_ENTRY = `insert into audit_log (seq, chain, chain_seq, format, at, actor_user_id, actor_name, actor_role, station_id, action,
                       object_type, object_id, before_json, after_json, ip, prev_hash, hash)
select head.last_seq, $1::integer, head.seq, 2, $4::text, $5::integer, $6::text, $7::text, $2::integer, $8::text,
       $9::text, $10::text, $11::text, $12::text, $13::text, head.prev_hash, head.hash
from head`;

/** This process's next platform/station shard on PostgreSQL (round robin from a random start). */
let nextShard = Math.floor(Math.random() * SHARDS);
/** One shard per transaction, so a transaction's entries of one station stay in one chain, in order. */
const shardOfTransaction = new WeakMap<object, number>();

/** Appends inside the caller's transaction, so the entry lands exactly when the change does. */
export async function appendAudit(trx: Db, actor: Actor, input: AuditInput): Promise<void> {
  const stationId = input.stationId ?? null;
  if (dialectOf(trx) === "postgres") {
    let shard = trx.isTransaction ? shardOfTransaction.get(trx) : undefined;
    if (shard === undefined) {
      shard = nextShard;
      nextShard = (nextShard + 1) % SHARDS;
      if (trx.isTransaction) shardOfTransaction.set(trx, shard);
    }
    const chain = chainOf(stationId, shard);
    const c = contentOf(actor, input, chain);
    const content = contentHash(c);
    const parameters = [
      chain,
      stationId,
      content,
      c.at,
      c.actor_user_id,
      c.actor_name,
      c.actor_role,
      c.action,
      c.object_type,
      c.object_id,
      c.before_json,
      c.after_json,
      c.ip,
    ];
    // Heads are locked in chain order whatever order the transaction's entries came in (no deadlock between two
    // transactions writing the same two chains).
    await beforeCommitStatement(trx, { ctes: [["head", PG_APPEND_HEAD]], body: PG_APPEND_ENTRY, parameters }, chain);
    return;
  }
  const chain = chainOf(stationId, 0);
  const c = contentOf(actor, input, chain);
  const [head] = (await readHead(trx, { chain })).rows;
  const [max] = (await nextSeq(trx, {})).rows;
  const seq = Number(max?.m ?? 0) + 1;
  const chainSeq = (head?.seq ?? 0) + 1;
  const prev = head?.hash ?? ZERO;
  const hash = linkHash(prev, chainSeq, seq, contentHash(c));
  await insertEntry(trx, { ...c, seq, chain_seq: chainSeq, format: 2, prev_hash: prev, hash });
  await moveHead(trx, { chain, station_id: stationId, seq: chainSeq, last_seq: seq, prev_hash: prev, hash });
}

export interface ChainProblem {
  /** The entry (its global seq, as the audit page shows it). */
  seq: number;
  chain: number;
  kind: "edited" | "missing" | "reordered" | "head_mismatch";
  message: string;
}

/**
 * Walks every chain in order and names every entry that was edited, deleted or moved, and every chain whose head
 * does not match its last entry (a removed tail).
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
): Promise<{ ok: boolean; checked: number; chains: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  const heads = new Map(
    (await db.selectFrom("audit_heads").select(["chain", "seq", "last_seq", "hash"]).execute()).map((h) => [h.chain, h]),
  );
  const seen = new Set<number>();
  let checked = 0;
  let chain = -1;
  let expected = 1;
  let prevHash = ZERO;
  let lastSeq = 0;
  const closeChain = () => {
    if (chain < 0) return;
    seen.add(chain);
    const head = heads.get(chain);
    if (!head || head.seq !== expected - 1 || head.hash !== prevHash)
      problems.push({
        seq: head?.last_seq ?? lastSeq,
        chain,
        kind: "head_mismatch",
        message: !head
          ? `chain ${chain} has no head`
          : head.seq > expected - 1
            ? `entries ${expected}..${head.seq} at the end of chain ${chain} are missing (its last was entry ${head.last_seq})`
            : `the head of chain ${chain} does not match its last entry ${lastSeq}`,
      });
  };
  let after: { chain: number; chainSeq: number } | null = null;
  for (;;) {
    let q = db.selectFrom("audit_log").selectAll();
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb("chain", ">", a.chain), eb.and([eb("chain", "=", a.chain), eb("chain_seq", ">", a.chainSeq)])]));
    }
    const batch = await q.orderBy("chain").orderBy("chain_seq").limit(2000).execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      checked++;
      if (row.chain !== chain) {
        closeChain();
        chain = row.chain;
        expected = 1;
        prevHash = ZERO;
      }
      const place = row.chain_seq ?? 0;
      if (place !== expected) {
        problems.push({
          seq: row.seq,
          chain,
          kind: "missing",
          message: `entries ${expected}..${place - 1} of chain ${chain} are missing before entry ${row.seq}`,
        });
      }
      const recomputed =
        row.format === 1
          ? row.chain === 0 && row.chain_seq === row.seq
            ? hashEntryV1(row)
            : null
          : linkHash(row.prev_hash, place, row.seq, contentHash(row));
      if (recomputed !== row.hash) {
        problems.push({ seq: row.seq, chain, kind: "edited", message: `entry ${row.seq} was changed after it was written` });
      } else if (row.prev_hash !== prevHash && place === expected) {
        problems.push({
          seq: row.seq,
          chain,
          kind: "reordered",
          message: `entry ${row.seq} does not follow the entry before it in chain ${chain} (moved or replaced)`,
        });
      }
      prevHash = row.hash;
      expected = place + 1;
      lastSeq = row.seq;
      after = { chain, chainSeq: place };
    }
  }
  closeChain();
  for (const head of heads.values())
    if (!seen.has(head.chain) && head.seq > 0)
      problems.push({
        seq: head.last_seq,
        chain: head.chain,
        kind: "head_mismatch",
        message: `entries 1..${head.seq} of chain ${head.chain} are missing (its last was entry ${head.last_seq})`,
      });
  return { ok: problems.length === 0, checked, chains: seen.size, problems };
}

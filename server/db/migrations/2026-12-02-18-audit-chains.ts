// The audit log in many chains instead of one: each entry belongs to a chain (a station's shard, or a platform
// shard for entries without a station) and carries its place in it (chain_seq); `audit_heads` keeps each
// chain's head, so appends to different chains never wait for one another. The global `seq` stays the entry's
// id and the list's order, drawn from a sequence on PostgreSQL. The single chain written so far becomes chain 0
// (the platform's first shard) unchanged: its entries keep their hashes (format 1), chain_seq = seq, and the
// old head becomes chain 0's head. Frozen once landed.
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../database.ts";

const ZERO = "0".repeat(64);

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("audit_log")
    .addColumn("chain", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("audit_log").addColumn("chain_seq", "integer").execute();
  await db.schema
    .alterTable("audit_log")
    .addColumn("format", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.updateTable("audit_log").set({ chain_seq: sql`seq` }).execute();
  await db.schema.createIndex("audit_log_chain").on("audit_log").columns(["chain", "chain_seq"]).execute();

  await db.schema
    .createTable("audit_heads")
    .addColumn("chain", "integer", (c) => c.primaryKey())
    .addColumn("station_id", "integer")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("last_seq", "integer", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  const head = await db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  if (head && head.seq > 0) {
    const last = await db.selectFrom("audit_log").select("prev_hash").where("seq", "=", head.seq).executeTakeFirst();
    await db
      .insertInto("audit_heads")
      .values({ chain: 0, station_id: null, seq: head.seq, last_seq: head.seq, prev_hash: last?.prev_hash ?? ZERO, hash: head.hash })
      .execute();
  }
  await db.schema.dropTable("audit_head").execute();

  const max = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("seq").as("m"))
    .executeTakeFirst();
  if (dialectOf(db) === "postgres") {
    await sql`create sequence audit_log_seq_seq owned by audit_log.seq`.execute(db);
    if (max?.m != null) await sql`select setval('audit_log_seq_seq', ${Number(max.m)})`.execute(db);
    await sql`alter table audit_log alter column seq set default nextval('audit_log_seq_seq')`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  const last = await db.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("audit_head")
    .values({ id: 1, seq: last?.seq ?? 0, hash: last?.hash ?? ZERO })
    .execute();
  await db.schema.dropTable("audit_heads").execute();
  await db.schema.dropIndex("audit_log_chain").execute();
  if (dialectOf(db) === "postgres") {
    await sql`alter table audit_log alter column seq drop default`.execute(db);
    await sql`drop sequence audit_log_seq_seq`.execute(db);
  }
  for (const column of ["format", "chain_seq", "chain"]) await db.schema.alterTable("audit_log").dropColumn(column).execute();
}

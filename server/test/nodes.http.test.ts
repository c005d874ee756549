// Two app nodes on one PostgreSQL database (issue 16, item 4): what a district running N nodes behind a load
// balancer relies on. Node A is the usual test app; node B is a second buildApp with its own pool on the same
// database (as a second process would be). Sessions, CSRF, idempotency keys, rate limits, job leases,
// notifications and the audit chains must hold whichever node a request reaches. PostgreSQL only: SQLite is one
// node by design (docs/operations.md).
import type { FastifyInstance, InjectOptions } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../../contracts/auth.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { verifyAuditChain } from "../platform/audit.ts";
import { runExclusive } from "../platform/jobs.ts";
import { limits } from "../platform/rate-limit.ts";
import { createTestApp, type Session, type TestApp } from "./helpers.ts";

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)("two app nodes on one PostgreSQL database", () => {
  let t: TestApp;
  let b: FastifyInstance;
  let bDatabase: Database;
  const nodes = () => [t.app, b];
  const on = (node: FastifyInstance, session: Session | null, options: InjectOptions) =>
    node.inject({
      ...options,
      headers: { ...(options.headers ?? {}), ...(session ? { cookie: session.cookie, [CSRF_HEADER]: session.csrf } : {}) },
    });
  const report = (node: FastifyInstance, s: Session, title: string, headers: Record<string, string> = {}) =>
    on(node, s, {
      method: "POST",
      url: "/api/problems",
      payload: { title, description: "两个节点上同时提交的问题，用来检查幂等和审计链", categoryCode: "facility", place: "北门" },
      headers,
    });
  const problemsTitled = async (title: string) =>
    Number(
      (
        await t.database.db
          .selectFrom("problems")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("title", "=", title)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
    const url = new URL(base as string);
    url.pathname = `/${rows[0].name}`;
    bDatabase = openDatabase({ databaseUrl: url.toString(), sqliteFile: "", poolSize: 10 });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DANDELION_SECRET: "x".repeat(32) });
    b = await buildApp({ database: bDatabase, config, vault: t.vault, clock: t.clock, logger: false });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await bDatabase?.close();
    await t?.close();
  });

  it("a session made on one node works on the other, and its CSRF token is checked there", async () => {
    const merchant = await t.login("shanghu");
    const onB = await on(b, merchant, { method: "GET", url: "/api/auth/me" });
    expect(onB.statusCode).toBe(200);
    // A write on B without the token is refused; with the token made on A it passes.
    const noToken = await b.inject({
      method: "POST",
      url: "/api/problems",
      payload: { title: "无令牌", description: "没有CSRF令牌的请求应被拒绝", categoryCode: "facility" },
      headers: { cookie: merchant.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.id).toBe("auth.csrf");
    expect((await report(b, merchant, "节点B提交")).statusCode).toBe(201);
    // Signed out on B, the session is gone on B at once and on A once A's session cache (5 s) has passed: the
    // bound the sessions' design gives other nodes (server/platform/auth.ts).
    expect((await on(b, merchant, { method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
    expect((await on(b, merchant, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    t.clock.set(new Date(t.clock.now().getTime() + 6_000));
    expect((await on(t.app, merchant, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("one Idempotency-Key sent to both nodes at once makes one write", async () => {
    const merchant = await t.login("shanghu");
    for (let round = 0; round < 5; round++) {
      const title = `幂等双节点${round}`;
      const headers = { "idempotency-key": `two-nodes-${round}` };
      const answers = await Promise.all([report(t.app, merchant, title, headers), report(b, merchant, title, headers)]);
      const codes = answers.map((r) => r.statusCode).sort();
      // One made it; the other got the first answer again or was told the first is still running.
      expect(codes[0]).toBe(201);
      expect([201, 409]).toContain(codes[1]);
      expect(await problemsTitled(title)).toBe(1);
      // Repeated later on either node: the first answer, replayed.
      for (const node of nodes()) {
        const again = await report(node, merchant, title, headers);
        expect(again.statusCode).toBe(201);
        expect(again.headers["idempotent-replayed"]).toBe("true");
      }
      expect(await problemsTitled(title)).toBe(1);
    }
  });

  it("rate limits count the tries made on both nodes together", async () => {
    const max = limits.loginPerAddress.max;
    const address = "10.77.0.1";
    for (let i = 0; i < max; i++) {
      const res = await nodes()[i % 2].inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: `nobody${i}`, password: "wrong-password-1A" },
        remoteAddress: address,
      });
      expect(res.statusCode).toBe(401);
    }
    for (const node of nodes()) {
      const res = await node.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "admin", password: "wrong-password-1A" },
        remoteAddress: address,
      });
      expect(res.statusCode).toBe(429);
    }
  });

  it("each job runs once when both nodes' schedulers reach it at the same moment", async () => {
    expect(t.app.jobs.length).toBeGreaterThan(0);
    expect(b.jobs.map((j) => j.name)).toEqual(t.app.jobs.map((j) => j.name));
    const now = t.clock.now();
    for (const [i, job] of t.app.jobs.entries()) {
      const other = b.jobs[i];
      let runs = 0;
      const outcomes = await Promise.all([
        runExclusive(
          t.database.db,
          job.name,
          job.everyMs,
          async () => {
            runs++;
            return job.run(now);
          },
          now,
          "node-a",
        ),
        runExclusive(
          bDatabase.db,
          other.name,
          other.everyMs,
          async () => {
            runs++;
            return other.run(now);
          },
          now,
          "node-b",
        ),
      ]);
      expect(runs, job.name).toBe(1);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
      // Within its period neither node runs it again.
      const again = await Promise.all([
        runExclusive(t.database.db, job.name, job.everyMs, async () => runs++, now, "node-a"),
        runExclusive(bDatabase.db, other.name, other.everyMs, async () => runs++, now, "node-b"),
      ]);
      expect(again.every((o) => !o.ran)).toBe(true);
    }
  });

  it("a notification made on one node is read and marked on the other", async () => {
    const merchant = await t.login("shanghu");
    const res = await report(t.app, merchant, "通知跨节点");
    expect(res.statusCode).toBe(201);
    const notes = (await on(b, merchant, { method: "GET", url: "/api/notifications?unread=true" })).json();
    const note = notes.items.find((n: { link: string }) => n.link === `/m/problems/${res.json().id}`);
    expect(note).toMatchObject({ kind: "problem.submitted" });
  });

  it("the audit chains stay valid under concurrent writes through both nodes", async () => {
    const merchant = await t.login("shanghu");
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => report(nodes()[i % 2], merchant, `并发审计${i}`)));
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 201));
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    // The station's entries went to more than one of its chains (the shards), each unbroken.
    const chains = await t.database.db.selectFrom("audit_log").select("chain").distinct().where("action", "=", "problem.created").execute();
    expect(chains.length).toBeGreaterThan(1);
  });
});

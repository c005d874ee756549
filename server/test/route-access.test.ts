// Every API route × every role: the answer must match the route's declared rule, and no station's records
// may be read from another station.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Role, roles } from "../../contracts/access.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "./helpers.ts";

const demoUser: Record<Role, string> = {
  platform_admin: "admin",
  district_officer: "district",
  station_admin: "zhanzhang",
  station_staff: "staff",
  branch_secretary: "shuji",
  department_officer: "scjg",
  alliance_contact: "wuye",
  merchant: "shanghu",
  resident: "jumin",
  volunteer: "zhiyuanzhe",
};

// Routes that end or change the caller's own session are exercised in the accounts tests.
const skipped = new Set(["POST /api/auth/logout", "POST /api/auth/login", "POST /api/auth/password"]);

describe(`every route × every role (${dialectName})`, () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  const ids: Record<string, number> = {};
  let kiosk = "";

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of roles) sessions.set(role, await t.login(demoUser[role]));
    const db = t.database.db;
    const station = await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow();
    ids.merchants = (
      await db.selectFrom("merchants").select("id").where("station_id", "=", station.id).orderBy("id").executeTakeFirstOrThrow()
    ).id;
    ids.residents = (
      await db.selectFrom("residents").select("id").where("station_id", "=", station.id).orderBy("id").executeTakeFirstOrThrow()
    ).id;
    ids.stalls = (
      await db.selectFrom("stalls").select("id").where("station_id", "=", station.id).orderBy("id").executeTakeFirstOrThrow()
    ).id;
    ids["alliance-units"] = (
      await db.selectFrom("alliance_units").select("id").where("station_id", "=", station.id).orderBy("id").executeTakeFirstOrThrow()
    ).id;
    ids.users = (await db.selectFrom("users").select("id").where("username", "=", "staff").executeTakeFirstOrThrow()).id;
    // The volunteer service's records of this station, so the walk (and the other station's reads) meet real rows.
    const first = async (table: "volunteers" | "volunteer_records" | "volunteer_occurrences" | "volunteer_teams") =>
      (await db.selectFrom(table).select("id").where("station_id", "=", station.id).orderBy("id").executeTakeFirstOrThrow()).id;
    ids.volunteers = await first("volunteers");
    ids["volunteer-records"] = await first("volunteer_records");
    ids["volunteer-occurrences"] = await first("volunteer_occurrences");
    ids["volunteer-teams"] = await first("volunteer_teams");
    ids.station = station.id;
    // The big screen: one kiosk token for the walk's screen reads, another the walk may revoke.
    const zhanzhang = sessions.get("station_admin") ?? null;
    const token = async (label: string) =>
      (await t.as(zhanzhang, { method: "POST", url: "/api/screen/tokens", payload: { label, scope: `station:${station.id}` } })).json();
    kiosk = (await token("大厅")).token;
    ids.screen = (await token("走查")).id;
    // A report of this station with a version, so the other station's reads of it (and its document) meet a real one.
    const staff = sessions.get("station_staff") as Session;
    ids.reports = (await t.as(staff, { method: "POST", url: "/api/reports", payload: { kind: "acceptance", period: "2026" } })).json().id;
    await t.as(staff, { method: "POST", url: `/api/reports/${ids.reports}/generate`, payload: { version: 1 } });
  });
  afterAll(() => t.close());

  const urlFor = (pattern: string) => {
    const resource = pattern.split("/")[2];
    // A figure is asked of this station: another station's reader must not reach it.
    if (resource === "figures") return `${pattern.replace(":id", "counter.service_items")}?scope=station:${ids.station}`;
    // The screen is opened with its kiosk token, no account.
    if (pattern === "/api/public/screen") return `${pattern}?token=${kiosk}`;
    if (resource === "reports")
      return `${pattern.replace(":id", String(ids.reports)).replace(":number", "1")}${pattern.endsWith("/diff") ? "?from=1&to=1" : ""}`;
    return pattern.replace(":id", resource === "imports" ? "00000000-0000-4000-8000-000000000000" : String(ids[resource] ?? 1));
  };

  it("declares a rule on every API route", () => {
    expect(t.app.accessRules.length).toBeGreaterThan(30);
  });

  it("answers each role exactly as its rule says: 0 unexpected allows, 0 unexpected denials", async () => {
    const unexpected: string[] = [];
    for (const rule of t.app.accessRules) {
      const key = `${rule.method} ${rule.url}`;
      if (skipped.has(key)) continue;
      const payload = ["POST", "PATCH", "PUT"].includes(rule.method) ? {} : undefined;
      const anon = await t.as(null, { method: rule.method as "GET", url: urlFor(rule.url), payload });
      if (rule.access !== "public" && anon.statusCode !== 401) unexpected.push(`anonymous ${key} → ${anon.statusCode}`);
      for (const role of roles) {
        const res = await t.as(sessions.get(role) ?? null, { method: rule.method as "GET", url: urlFor(rule.url), payload });
        const allowed = rule.access === "public" || rule.access === "authenticated" || can(role, rule.access);
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (allowed === refused) unexpected.push(`${role} ${key} → ${res.statusCode} (${allowed ? "should pass" : "should be refused"})`);
      }
    }
    expect(unexpected).toEqual([]);
    // ~2,000 requests: on PostgreSQL on a shared machine this walk takes about 30 s, the default limit.
  }, 120_000);

  it("lets a kiosk token open only its screen: every other route answers 401 to it", async () => {
    const opened: string[] = [];
    for (const rule of t.app.accessRules) {
      if (rule.access === "public") continue;
      const payload = ["POST", "PATCH", "PUT"].includes(rule.method) ? {} : undefined;
      const url = urlFor(rule.url).replace(/\?token=.*$/, "");
      const res = await t.as(null, { method: rule.method as "GET", url, payload, headers: { authorization: `Kiosk ${kiosk}` } });
      if (res.statusCode !== 401) opened.push(`${rule.method} ${rule.url} → ${res.statusCode}`);
    }
    expect(opened).toEqual([]);
    const screen = await t.as(null, { method: "GET", url: "/api/public/screen", headers: { authorization: `Kiosk ${kiosk}` } });
    expect(screen.statusCode).toBe(200);
    expect(screen.json().scope.label).toBe(`station:${ids.station}`);
  }, 120_000);

  it("never lets another station read this station's records", async () => {
    // The other station's admin: where the role may use the route at all, this station's record must not exist.
    const other = await t.login("youyi");
    const leaks: string[] = [];
    for (const rule of t.app.accessRules) {
      if (rule.method !== "GET" || !rule.url.includes(":id") || rule.url.startsWith("/api/imports")) continue;
      const allowed = rule.access === "public" || rule.access === "authenticated" || can("station_admin", rule.access);
      const res = await t.as(other, { method: "GET", url: urlFor(rule.url) });
      if (res.statusCode !== (allowed ? 404 : 403)) leaks.push(`${rule.url} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });
});

// The big screen over HTTP: kiosk tokens created within reach (shown once, only the hash kept, audited), listed and
// revoked; a token opens its own unit's screen and nothing else, a revoked or unknown one nothing at all; the
// screen's figures are the dictionary's, with no names, mobiles or records; a refresh that finds nothing new is 304.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";
import { hashToken } from "./screen.service.ts";

describe(`the big screen and its kiosk tokens (${dialectName})`, () => {
  let t: TestApp;
  let zhanzhang: Session;
  let youyi: Session;
  let district: Session;
  let staff: Session;
  const unit = async (name: string) =>
    (await t.database.db.selectFrom("org_units").select(["id", "kind"]).where("name", "=", name).executeTakeFirstOrThrow()).id;
  let tianyuan: number;
  let youyiStation: number;
  let districtId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [zhanzhang, youyi, district, staff] = await Promise.all(["zhanzhang", "youyi", "district", "staff"].map((u) => t.login(u)));
    tianyuan = await unit("天源市场党群服务站");
    youyiStation = await unit("友谊市场党群服务站");
    districtId = await unit("克拉玛依区");
  });
  afterAll(() => t.close());

  const create = (who: Session, scope: string, label = "服务站大厅") =>
    t.as(who, { method: "POST", url: "/api/screen/tokens", payload: { label, scope } });
  const screen = (token: string, headers: Record<string, string> = {}) =>
    t.as(null, { method: "GET", url: `/api/public/screen?token=${encodeURIComponent(token)}`, headers });

  it("creates a token for the admin's station, shows it once and keeps only its hash, audited without it", async () => {
    const res = await create(zhanzhang, `station:${tianyuan}`);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^ddk_[A-Za-z0-9_-]{32}$/);
    expect(created.path).toBe(`/screen/?token=${created.token}`);
    expect(created).toMatchObject({
      label: "服务站大厅",
      scope: `station:${tianyuan}`,
      unitKind: "station",
      status: "active",
      lastUsedAt: null,
    });
    const row = await t.database.db.selectFrom("kiosk_tokens").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("object_type", "=", "kiosk_token")
      .where("object_id", "=", String(created.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["kiosk_token.created"]);
    expect(JSON.stringify(audit)).not.toContain(created.token);
    // The list never carries the token again.
    const list = (await t.as(zhanzhang, { method: "GET", url: "/api/screen/tokens" })).json();
    expect(list.find((k: { id: number }) => k.id === created.id)).toMatchObject({
      prefix: created.token.slice(0, 10),
      createdByName: "站长 李建华",
    });
    expect(JSON.stringify(list)).not.toContain(created.token);
  });

  it("refuses a unit out of reach (404), a bad scope or label (400), and staff without kiosk.manage (403)", async () => {
    const before = await t.database.db
      .selectFrom("kiosk_tokens")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect((await create(zhanzhang, `station:${youyiStation}`)).statusCode).toBe(404);
    expect((await create(zhanzhang, `district:${districtId}`)).statusCode).toBe(404);
    expect((await create(youyi, `station:${tianyuan}`)).statusCode).toBe(404);
    // A unit of another kind than the scope says is not there either.
    expect((await create(zhanzhang, `street:${tianyuan}`)).statusCode).toBe(404);
    const bad = await create(zhanzhang, "station:abc", "");
    expect(bad.statusCode).toBe(400);
    expect([...new Set(fieldsNamed(bad))].sort()).toEqual(["label", "scope"]);
    expect((await create(staff, `station:${tianyuan}`)).statusCode).toBe(403);
    const after = await t.database.db
      .selectFrom("kiosk_tokens")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("opens the token's own station's screen, by query or header, with the dictionary's values and the market map", async () => {
    const token = (await create(zhanzhang, `station:${tianyuan}`)).json().token;
    const res = await screen(token);
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.scope).toMatchObject({ label: `station:${tianyuan}`, kind: "station", name: "天源市场党群服务站", stations: 1 });
    expect(data.parts.map((p: { part: number }) => p.part)).toEqual([1, 2, 3, 4]);
    // Every figure the dictionary has for a station, by part, with the dictionary's value (unless masked).
    const values = (
      await t.as(zhanzhang, { method: "GET", url: `/api/figures/values?scope=station:${tianyuan}&period=last12` })
    ).json() as { id: string; value: number | null }[];
    const defs = (await t.as(zhanzhang, { method: "GET", url: "/api/figures" })).json() as {
      id: string;
      part: number | null;
      scopes: string[];
    }[];
    const shown = data.parts.flatMap((p: { figures: { id: string; value: number | null; masked: boolean }[] }) => p.figures);
    expect(shown.map((f: { id: string }) => f.id).sort()).toEqual(
      defs
        .filter((d) => d.part !== null && d.scopes.includes("station"))
        .map((d) => d.id)
        .sort(),
    );
    for (const f of shown) if (!f.masked) expect(f.value, f.id).toBe(values.find((v) => v.id === f.id)?.value);
    expect(shown.find((f: { id: string }) => f.id === "counter.service_items")?.value).toBeGreaterThan(0);
    expect(data.parts.some((p: { series: unknown[] }) => p.series.length > 0)).toBe(true);
    // The market map: where stalls stand and their trade, nothing else.
    expect(data.map.stalls.length).toBeGreaterThan(0);
    expect(Object.keys(data.map.stalls[0]).sort()).toEqual(["category", "h", "w", "x", "y"]);
    const byHeader = await t.as(null, { method: "GET", url: "/api/public/screen", headers: { authorization: `Kiosk ${token}` } });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.json().version).toBe(data.version);
    // Last used is written.
    const listed = (await t.as(zhanzhang, { method: "GET", url: "/api/screen/tokens" })).json();
    expect(listed.find((k: { prefix: string }) => k.prefix === token.slice(0, 10)).lastUsedAt).not.toBeNull();
  });

  it("previews a unit in reach for the console, and no other", async () => {
    const preview = (who: Session, scope: string) => t.as(who, { method: "GET", url: `/api/screen/preview?scope=${scope}` });
    const res = await preview(zhanzhang, `station:${tianyuan}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().scope.label).toBe(`station:${tianyuan}`);
    expect((await preview(zhanzhang, `station:${youyiStation}`)).statusCode).toBe(404);
    expect((await preview(district, `station:${youyiStation}`)).statusCode).toBe(200);
    expect((await preview(district, `district:${districtId}`)).statusCode).toBe(200);
    expect((await preview(staff, `station:${tianyuan}`)).statusCode).toBe(403);
    expect((await preview(zhanzhang, "station:x")).statusCode).toBe(400);
  });

  it("answers 304 to a refresh that finds nothing new", async () => {
    const token = (await create(zhanzhang, `station:${tianyuan}`)).json().token;
    const first = await screen(token);
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"${first.json().version}"`);
    const again = await screen(token, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect((await screen(token, { "if-none-match": '"other"' })).statusCode).toBe(200);
  });

  it("gives another station's token that station's screen, never this one's", async () => {
    const token = (await create(youyi, `station:${youyiStation}`)).json().token;
    const data = (await screen(token)).json();
    expect(data.scope.label).toBe(`station:${youyiStation}`);
    expect(data.scope.name).toBe("友谊市场党群服务站");
    const theirs = (
      await t.as(youyi, { method: "GET", url: `/api/figures/values?scope=station:${youyiStation}&period=last12` })
    ).json() as { id: string; value: number | null }[];
    for (const f of data.parts.flatMap((p: { figures: { id: string; value: number | null; masked: boolean }[] }) => p.figures)) {
      if (!f.masked) expect(f.value, f.id).toBe(theirs.find((v) => v.id === f.id)?.value);
    }
    // The youyi admin neither lists nor revokes Tianyuan's tokens.
    const list = (await t.as(youyi, { method: "GET", url: "/api/screen/tokens" })).json() as { scope: string; id: number }[];
    expect(list.every((k) => k.scope === `station:${youyiStation}`)).toBe(true);
    const tianyuanToken = (await t.as(zhanzhang, { method: "GET", url: "/api/screen/tokens" })).json()[0];
    expect((await t.as(youyi, { method: "POST", url: `/api/screen/tokens/${tianyuanToken.id}/revoke` })).statusCode).toBe(404);
  });

  it("gives a district officer's district token every station of the district, summed", async () => {
    const res = await create(district, `district:${districtId}`, "区委组织部会议室");
    expect(res.statusCode).toBe(201);
    const data = (await screen(res.json().token)).json();
    expect(data.scope).toMatchObject({ label: `district:${districtId}`, kind: "district" });
    expect(data.scope.stations).toBeGreaterThanOrEqual(2);
    // A district's screen has no single market to draw.
    expect(data.map).toBeNull();
  });

  it("refuses a revoked, an unknown or a missing token with 401 and nothing else", async () => {
    const created = (await create(zhanzhang, `station:${tianyuan}`)).json();
    expect((await screen(created.token)).statusCode).toBe(200);
    const revoked = await t.as(zhanzhang, { method: "POST", url: `/api/screen/tokens/${created.id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: "revoked" });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await t.as(zhanzhang, { method: "POST", url: `/api/screen/tokens/${created.id}/revoke` })).statusCode).toBe(409);
    for (const res of [
      await screen(created.token),
      await screen("ddk_unknownunknownunknownunknownunknownu"),
      await screen("nothing"),
      await t.as(null, { method: "GET", url: "/api/public/screen" }),
      await t.as(zhanzhang, { method: "GET", url: "/api/public/screen" }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(Object.keys(res.json())).toEqual(["error"]);
      expect(res.json().error.id).toBe("kiosk.invalid");
    }
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "kiosk_token")
      .where("object_id", "=", String(created.id))
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["kiosk_token.created", "kiosk_token.revoked"]);
  });

  it("shows no personal data: no demo person's name or mobile number, no records", async () => {
    const db = t.database.db;
    const token = (await create(zhanzhang, `station:${tianyuan}`)).json().token;
    const body = (await screen(token)).body;
    const names = [
      ...(await db.selectFrom("residents").select("name as n").execute()),
      ...(await db.selectFrom("merchants").select("operator_name as n").execute()),
      ...(await db.selectFrom("merchants").select("name as n").execute()),
      ...(await db.selectFrom("members").select("name as n").execute()),
      ...(await db.selectFrom("volunteers").select("real_name as n").execute()),
    ]
      .map((r) => r.n)
      .filter((n) => [...n].length >= 2);
    expect(names.length).toBeGreaterThan(50);
    const leaked = names.filter((n) => body.includes(n));
    expect(leaked).toEqual([]);
    expect(body).not.toMatch(/1[3-9]\d{9}/);
    // No record references or links to records.
    expect(body).not.toMatch(/"(ref|link|citation|records|recordSetHash)":/);
  });
});

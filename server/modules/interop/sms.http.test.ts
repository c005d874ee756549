// SMS copies of notifications against local stand-ins for Alibaba Cloud SMS and Tencent Cloud SMS (servers on random
// ports that verify the request signature as the provider does and answer like it: accepted, an error, silence, a
// malformed body). A problem step notifies its reporter; the station chooses which kinds go by SMS.
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

const KEY_ID = "LTAI-test-key";
const SECRET = "test-secret-of-the-provider";
const PHONE = "13800138000";
type Mode = "ok" | "busy" | "refused" | "hang" | "malformed";

// The providers' signatures, written from their documentation independently of sms.providers.ts.
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function aliyunValid(url: URL): boolean {
  const q = [...url.searchParams.entries()].filter(([k]) => k !== "Signature").sort(([a], [b]) => (a < b ? -1 : 1));
  const canonical = q.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
  const expected = createHmac("sha1", `${SECRET}&`)
    .update(`GET&%2F&${enc(canonical)}`)
    .digest("base64");
  return url.searchParams.get("Signature") === expected && url.searchParams.get("AccessKeyId") === KEY_ID;
}
function tencentValid(req: IncomingMessage, body: string): boolean {
  const auth = String(req.headers.authorization ?? "");
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m || m[1] !== KEY_ID) return false;
  const ts = String(req.headers["x-tc-timestamp"]);
  if (new Date(Number(ts) * 1000).toISOString().slice(0, 10) !== m[2]) return false;
  const headers = m[3].split(";");
  const canonicalHeaders = headers.map((h) => `${h}:${String(req.headers[h]).trim().toLowerCase()}\n`).join("");
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  const request = `POST\n/\n\n${canonicalHeaders}\n${m[3]}\n${sha(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${ts}\n${m[2]}/sms/tc3_request\n${sha(request)}`;
  const k = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s).digest();
  const signing = k(k(k(`TC3${SECRET}`, m[2]), "sms"), "tc3_request");
  return createHmac("sha256", signing).update(toSign).digest("hex") === m[4];
}

function standIn(provider: "aliyun" | "tencent") {
  const state = { mode: "ok" as Mode, badSignatures: 0, accepted: [] as Record<string, unknown>[] };
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand.in");
      const json = (o: unknown, status = 200) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(o));
      const valid = provider === "aliyun" ? aliyunValid(url) : tencentValid(req, body);
      if (!valid) {
        state.badSignatures++;
        return provider === "aliyun"
          ? json({ Code: "SignatureDoesNotMatch", Message: "Specified signature is not matched" }, 400)
          : json({ Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "bad signature" } } });
      }
      if (state.mode === "hang") return;
      if (state.mode === "malformed") return res.writeHead(200, { "content-type": "application/json" }).end("<html>gateway</html>");
      const sent = provider === "aliyun" ? Object.fromEntries(url.searchParams) : JSON.parse(body);
      if (state.mode === "busy") {
        return provider === "aliyun"
          ? json({ Code: "isv.BUSINESS_LIMIT_CONTROL", Message: `触发流控 ${PHONE}`, RequestId: "r" })
          : json({ Response: { Error: { Code: "RequestLimitExceeded", Message: "too many" }, RequestId: "r" } });
      }
      if (state.mode === "refused") {
        return provider === "aliyun"
          ? json({ Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: "r" })
          : json({
              Response: { SendStatusSet: [{ Code: "InvalidParameterValue.IncorrectPhoneNumber", Message: "bad number" }], RequestId: "r" },
            });
      }
      state.accepted.push(sent);
      const id = `${provider}-${++n}`;
      return provider === "aliyun"
        ? json({ Code: "OK", Message: "OK", BizId: id, RequestId: "r" })
        : json({ Response: { SendStatusSet: [{ Code: "Ok", SerialNo: id, PhoneNumber: `+86${PHONE}`, Fee: 1 }], RequestId: "r" } });
    });
  });
  return { server, state };
}

for (const provider of ["aliyun", "tencent"] as const) {
  describe(`SMS by ${provider} (${dialectName})`, () => {
    const stand = standIn(provider);
    let t: TestApp;
    let staff: Session;
    let admin: Session;
    let merchant: Session;
    let stationId: number;
    let merchantId: number;

    const job = () => {
      const j = t.app.jobs.find((x) => x.name === "interop.sms_send");
      if (!j) throw new Error("no sms job");
      return j.run(t.clock.now()) as Promise<{ sent: number; retried: number; failed: number }>;
    };
    const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
    const rows = () => t.database.db.selectFrom("sms_messages").selectAll().orderBy("id").execute();
    /** The merchant reports a problem and staff accept it: the reporter hears of the step (`problem.accept`). */
    const acceptOne = async () => {
      const created = await t.as(merchant, {
        method: "POST",
        url: "/api/problems",
        payload: { title: "摊位前积水", description: "下雨后摊位前积水", categoryCode: "facility", stallId: null },
      });
      expect(created.statusCode, created.body).toBe(201);
      const p = created.json();
      const res = await t.as(staff, {
        method: "POST",
        url: `/api/problems/${p.id}/actions`,
        payload: { action: "accept", version: p.version },
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      await new Promise<void>((resolve) => stand.server.listen(0, "127.0.0.1", resolve));
      const port = (stand.server.address() as AddressInfo).port;
      t = await createTestApp({
        env: {
          SMS_PROVIDER: provider,
          SMS_ACCESS_KEY_ID: KEY_ID,
          SMS_ACCESS_KEY_SECRET: SECRET,
          SMS_SIGN_NAME: "天源党群服务站",
          SMS_SDK_APP_ID: "1400000000",
          SMS_ENDPOINT: `http://127.0.0.1:${port}/`,
          SMS_TIMEOUT_MS: "300",
          SMS_PER_RECIPIENT_DAY: "4",
          SMS_TEMPLATES: JSON.stringify({ "problem.accept": { template: "SMS_100", params: ["title", "code"] } }),
        },
      });
      admin = await t.login("zhanzhang");
      staff = await t.login("staff");
      merchant = await t.login("shanghu");
      const user = await t.database.db
        .selectFrom("users")
        .select(["id", "org_unit_id"])
        .where("username", "=", "shanghu")
        .executeTakeFirstOrThrow();
      merchantId = user.id;
      stationId = user.org_unit_id;
      await t.database.db
        .updateTable("users")
        .set({ mobile_enc: t.vault.encrypt(PHONE) })
        .where("id", "=", user.id)
        .execute();
    });
    afterAll(async () => {
      await t.close();
      stand.server.closeAllConnections();
      await new Promise((resolve) => stand.server.close(resolve));
    });

    it("sends nothing by SMS until the station switches the kind on", async () => {
      await acceptOne();
      expect(await rows()).toEqual([]);
      const settings = await t.as(admin, { method: "GET", url: `/api/interop/sms/settings?stationId=${stationId}` });
      expect(settings.json()).toEqual([{ kind: "problem.accept", enabled: false }]);
      expect((await t.as(staff, { method: "GET", url: `/api/interop/sms/settings?stationId=${stationId}` })).statusCode).toBe(403);
      const bad = await t.as(admin, {
        method: "PUT",
        url: "/api/interop/sms/settings",
        payload: { stationId, kind: "problem.nope", enabled: true },
      });
      expect(bad.json().error.fields[0].field).toBe("kind");
      const on = await t.as(admin, {
        method: "PUT",
        url: "/api/interop/sms/settings",
        payload: { stationId, kind: "problem.accept", enabled: true },
      });
      expect(on.json()).toEqual([{ kind: "problem.accept", enabled: true }]);
    });

    it("queues the copy with the change and sends it through errors, silence and malformed answers, once", async () => {
      await acceptOne();
      let [row] = await rows();
      expect(row).toMatchObject({ status: "pending", template: "SMS_100", kind: "problem.accept", user_id: merchantId });
      expect(row.phone_enc).not.toContain(PHONE);
      expect(JSON.parse(row.params)).toMatchObject({ title: "摊位前积水" });

      stand.state.mode = "busy";
      expect(await job()).toMatchObject({ sent: 0, retried: 1 });
      expect(await job()).toMatchObject({ sent: 0, retried: 0 }); // not due again yet
      [row] = await rows();
      expect(row.last_error).not.toContain(PHONE);
      expect(row.attempts).toBe(1);
      stand.state.mode = "hang";
      later(61_000);
      expect(await job()).toMatchObject({ retried: 1 });
      expect((await rows())[0].last_error).toBe("timeout");
      stand.state.mode = "malformed";
      later(121_000);
      expect(await job()).toMatchObject({ retried: 1 });
      expect((await rows())[0].last_error).toMatch(/^malformed answer/);
      stand.state.mode = "ok";
      later(241_000);
      expect(await job()).toMatchObject({ sent: 1 });
      later(3_600_000);
      expect(await job()).toMatchObject({ sent: 0, retried: 0 });
      [row] = await rows();
      expect(row).toMatchObject({ status: "sent", provider_message_id: `${provider}-1`, attempts: 4 });
      expect(stand.state.accepted).toHaveLength(1);
      const sent = stand.state.accepted[0];
      if (provider === "aliyun") {
        expect(sent).toMatchObject({ PhoneNumbers: PHONE, SignName: "天源党群服务站", TemplateCode: "SMS_100", OutId: `sms-${row.id}` });
        expect(JSON.parse(String(sent.TemplateParam))).toMatchObject({ title: "摊位前积水" });
      } else {
        expect(sent).toMatchObject({
          PhoneNumberSet: [`+86${PHONE}`],
          SmsSdkAppId: "1400000000",
          TemplateId: "SMS_100",
          SignName: "天源党群服务站",
        });
        expect((sent.TemplateParamSet as string[])[0]).toBe("摊位前积水");
      }
      expect(stand.state.badSignatures).toBe(0);
    });

    it("records the provider's delivery receipt", async () => {
      const body =
        provider === "aliyun"
          ? [{ biz_id: "aliyun-1", success: true, err_code: "DELIVERED", phone_number: PHONE }]
          : [{ sid: "tencent-1", report_status: "SUCCESS", mobile: PHONE }];
      const res = await t.as(null, { method: "POST", url: `/api/interop/sms/receipts/${provider}`, payload: body });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(provider === "aliyun" ? { code: 0, msg: "成功" } : { result: 0, errmsg: "OK" });
      expect((await rows())[0]).toMatchObject({ status: "delivered" });
      expect((await t.as(null, { method: "POST", url: "/api/interop/sms/receipts/other", payload: [] })).statusCode).toBe(404);
      expect(
        (await t.as(null, { method: "POST", url: `/api/interop/sms/receipts/${provider}`, payload: { not: "a list" } })).statusCode,
      ).toBe(400);
    });

    it("gives up at once on a permanent refusal, honours the opt-out and the per-recipient limit", async () => {
      // A fresh station day at noon (the limits count per day); the clock ran past the sessions' idle limit.
      t.clock.set(stationInstant(addDays(stationDate(t.clock.now()), 1), "12:00"));
      staff = await t.login("staff");
      merchant = await t.login("shanghu");
      stand.state.mode = "refused";
      await acceptOne();
      expect(await job()).toMatchObject({ failed: 1 });
      expect((await rows()).at(-1)).toMatchObject({ status: "failed" });
      stand.state.mode = "ok";

      expect((await t.as(merchant, { method: "PUT", url: "/api/me/sms", payload: { optOut: true } })).json()).toEqual({ optedOut: true });
      await acceptOne();
      expect((await rows()).at(-1)).toMatchObject({ status: "skipped", skip_reason: "opted_out", phone_enc: null });
      await t.as(merchant, { method: "PUT", url: "/api/me/sms", payload: { optOut: false } });
      expect((await t.as(merchant, { method: "GET", url: "/api/me/sms" })).json()).toEqual({ optedOut: false });

      // Four a day: the refused one, and three more; the fifth is recorded and not sent.
      for (let i = 0; i < 4; i++) await acceptOne();
      const last = (await rows()).slice(-4).map((r) => [r.status, r.skip_reason]);
      expect(last).toEqual([
        ["pending", null],
        ["pending", null],
        ["pending", null],
        ["skipped", "recipient_limit"],
      ]);
      const before = stand.state.accepted.length;
      expect(await job()).toMatchObject({ sent: 3 });
      expect(stand.state.accepted.length).toBe(before + 3);
    });

    it("lists the station's messages for its admin, newest first, phones masked, by status and kind", async () => {
      admin = await t.login("zhanzhang");
      staff = await t.login("staff");
      const all = await rows();
      const list = await t.as(admin, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}&pageSize=5` });
      expect(list.statusCode, list.body).toBe(200);
      const page = list.json();
      expect(page.total).toBe(all.filter((r) => r.org_unit_id === stationId).length);
      expect(page.items.map((m: { id: number }) => m.id)).toEqual(
        all
          .map((r) => r.id)
          .reverse()
          .slice(0, 5),
      );
      expect(JSON.stringify(page)).not.toContain(PHONE);
      const sent = page.items.find((m: { recipientPhone: string | null }) => m.recipientPhone !== null);
      expect(sent).toMatchObject({ kind: "problem.accept", recipientPhone: "138****8000", provider });
      expect(page.items[0].recipientName).toBeTruthy();

      const skipped = (await t.as(admin, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}&status=skipped` })).json();
      expect(skipped.items.map((m: { skipReason: string }) => m.skipReason).sort()).toEqual(["opted_out", "recipient_limit"]);
      expect(skipped.items.every((m: { recipientPhone: string | null }) => m.recipientPhone === null)).toBe(true);
      const delivered = (
        await t.as(admin, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}&status=delivered` })
      ).json();
      expect(delivered.items).toHaveLength(1);
      expect(delivered.items[0].receiptAt).not.toBeNull();
      const none = (
        await t.as(admin, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}&kind=meeting.invited` })
      ).json();
      expect(none).toMatchObject({ items: [], total: 0 });

      expect((await t.as(staff, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}` })).statusCode).toBe(403);
      // Another station's admin does not see this station's messages.
      const youyi = await t.login("youyi");
      expect((await t.as(youyi, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}` })).statusCode).toBe(404);
      const bad = await t.as(admin, { method: "GET", url: `/api/interop/sms/messages?stationId=${stationId}&status=lost&from=2026-02-30` });
      expect(bad.statusCode).toBe(400);
      expect(fieldsNamed(bad).sort()).toEqual(["querystring.from", "querystring.status"]);
    });
  });
}

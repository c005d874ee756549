// SMS over HTTP: which notification kinds a station sends by SMS (its admin), an account's opt-out (its own
// phone page), and the providers' delivery receipts (public; `?token=` when SMS_RECEIPT_TOKEN is set).
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageOf } from "../../../contracts/common.ts";
import { smsMessageListQuery, smsMessageSchema } from "../../../contracts/interop.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { fail, notFound } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { ModuleDeps } from "../module.ts";

const kindSetting = z.object({ kind: z.string(), enabled: z.boolean() });

export async function smsRoutes(app: FastifyInstance, { services, config }: ModuleDeps) {
  const sms = services.interop.sms;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["sms"];

  r.get(
    "/api/interop/sms/settings",
    {
      config: { access: "user.manage" },
      schema: {
        tags,
        summary: "The notification kinds with an SMS template, and whether the station sends each by SMS",
        querystring: z.object({ stationId: z.coerce.number().int().positive() }),
        response: { 200: z.array(kindSetting) },
      },
    },
    async (request) => sms.settings(requireUser(request), request.query.stationId),
  );
  r.put(
    "/api/interop/sms/settings",
    {
      config: { access: "user.manage" },
      schema: {
        tags,
        summary: "Send a notification kind by SMS at a station, or stop",
        body: z.object({ stationId: z.number().int().positive(), kind: z.string().trim().min(1).max(60), enabled: z.boolean() }).strict(),
        response: { 200: z.array(kindSetting) },
      },
    },
    async (request) => sms.setSetting(requireUser(request), request.body, actorOf(request)),
  );
  r.get(
    "/api/interop/sms/messages",
    {
      config: { access: "user.manage" },
      schema: {
        tags,
        summary: "A station's SMS messages, newest first, with their status and the providers' receipts (phones masked)",
        querystring: smsMessageListQuery,
        response: { 200: pageOf(smsMessageSchema) },
      },
    },
    async (request) => sms.messages(requireUser(request), request.query),
  );
  r.get(
    "/api/me/sms",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Whether I opted out of SMS", response: { 200: z.object({ optedOut: z.boolean() }) } },
    },
    async (request) => sms.mine(requireUser(request)),
  );
  r.put(
    "/api/me/sms",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Opt out of SMS copies of my notifications (in-app ones stay), or back in",
        body: z.object({ optOut: z.boolean() }).strict(),
        response: { 200: z.object({ optedOut: z.boolean() }) },
      },
    },
    async (request) => sms.setOptOut(requireUser(request), request.body.optOut, actorOf(request)),
  );
  const wechat = services.interop.wechat;
  const wechatStatus = z.object({ configured: z.boolean(), bound: z.boolean(), consentedAt: z.string().nullable() });
  r.get(
    "/api/me/wechat",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Whether my WeChat is bound for notifications", response: { 200: wechatStatus } },
    },
    async (request) => wechat.mine(requireUser(request)),
  );
  r.put(
    "/api/me/wechat",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Bind my WeChat (the web authorisation's code) to receive notifications, with my consent",
        body: z.object({ code: z.string().trim().min(1).max(200), consent: z.boolean() }).strict(),
        response: { 200: wechatStatus },
      },
    },
    async (request) => wechat.bind(requireUser(request), request.body, actorOf(request)),
  );
  r.delete(
    "/api/me/wechat",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Unbind my WeChat (messages waiting are dropped)", response: { 200: wechatStatus } },
    },
    async (request) => wechat.unbind(requireUser(request), actorOf(request)),
  );
  r.post(
    "/api/interop/sms/receipts/:provider",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "A provider's delivery receipts (Alibaba Cloud: aliyun, Tencent Cloud: tencent), answered as the provider expects",
        params: z.object({ provider: z.string() }),
        querystring: z.object({ token: z.string().optional() }),
      },
    },
    async (request) => {
      const provider = request.params.provider;
      if (provider !== "aliyun" && provider !== "tencent") throw notFound();
      const expected = config.SMS_RECEIPT_TOKEN;
      if (expected) {
        const given = request.query.token;
        if (!given) throw fail("request.invalid", [{ field: "token", key: "v.required" }]);
        const a = Buffer.from(given);
        const b = Buffer.from(expected);
        if (a.length !== b.length || !timingSafeEqual(a, b)) throw fail("access.denied");
      }
      await sms.receipts(provider, request.body);
      return provider === "aliyun" ? { code: 0, msg: "成功" } : { result: 0, errmsg: "OK" };
    },
  );
}

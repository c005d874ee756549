// The SMS provider and the WeChat official account from the environment: SMS_PROVIDER with its key pair, sign name and templates; incomplete
// settings are refused at start (a half-configured provider would silently lose messages).
import { z } from "zod";
import type { Config } from "../../config.ts";
import { aliyunProvider, tencentProvider } from "./sms.providers.ts";
import type { SmsConfig } from "./sms.service.ts";
import type { WechatConfig } from "./wechat.service.ts";

const templatesSchema = z.record(z.string(), z.object({ template: z.string().min(1), params: z.array(z.string()) }).strict());

export function smsConfigOf(config: Config): SmsConfig | null {
  if (!config.SMS_PROVIDER) return null;
  const missing = (["SMS_ACCESS_KEY_ID", "SMS_ACCESS_KEY_SECRET", "SMS_SIGN_NAME"] as const).filter((k) => !config[k]);
  if (config.SMS_PROVIDER === "tencent" && !config.SMS_SDK_APP_ID) missing.push("SMS_SDK_APP_ID" as never);
  if (missing.length) throw new Error(`SMS_PROVIDER=${config.SMS_PROVIDER} needs ${missing.join(", ")}`);
  let templates: SmsConfig["templates"];
  try {
    templates = templatesSchema.parse(JSON.parse(config.SMS_TEMPLATES));
  } catch {
    throw new Error('SMS_TEMPLATES must be JSON: {"<kind>":{"template":"<code>","params":["<name>", …]}}');
  }
  const credentials = {
    accessKeyId: config.SMS_ACCESS_KEY_ID ?? "",
    accessKeySecret: config.SMS_ACCESS_KEY_SECRET ?? "",
    timeoutMs: config.SMS_TIMEOUT_MS,
    sdkAppId: config.SMS_SDK_APP_ID,
    region: config.SMS_REGION,
  };
  const provider =
    config.SMS_PROVIDER === "aliyun"
      ? aliyunProvider({ ...credentials, endpoint: config.SMS_ENDPOINT ?? "https://dysmsapi.aliyuncs.com/" })
      : tencentProvider({ ...credentials, endpoint: config.SMS_ENDPOINT ?? "https://sms.tencentcloudapi.com/" });
  return {
    provider,
    signName: config.SMS_SIGN_NAME ?? "",
    templates,
    perRecipientDay: config.SMS_PER_RECIPIENT_DAY,
    perDay: config.SMS_PER_DAY,
  };
}

const wechatTemplatesSchema = z.record(
  z.string(),
  z.object({ template: z.string().min(1), fields: z.record(z.string(), z.string()) }).strict(),
);

export function wechatConfigOf(config: Config): WechatConfig | null {
  if (!config.WECHAT_APP_ID && !config.WECHAT_APP_SECRET) return null;
  if (!config.WECHAT_APP_ID || !config.WECHAT_APP_SECRET) throw new Error("WeChat needs both WECHAT_APP_ID and WECHAT_APP_SECRET");
  let templates: WechatConfig["templates"];
  try {
    templates = wechatTemplatesSchema.parse(JSON.parse(config.WECHAT_TEMPLATES));
  } catch {
    throw new Error('WECHAT_TEMPLATES must be JSON: {"<kind>":{"template":"<id>","fields":{"<field>":"<parameter>"}}}');
  }
  return {
    appId: config.WECHAT_APP_ID,
    appSecret: config.WECHAT_APP_SECRET,
    endpoint: config.WECHAT_ENDPOINT.replace(/\/$/, ""),
    timeoutMs: config.WECHAT_TIMEOUT_MS,
    templates,
    linkBase: config.WECHAT_LINK_BASE ?? null,
  };
}

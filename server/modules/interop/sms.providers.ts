// SMS gateways of the providers a Chinese district uses, through their documented signed HTTP APIs (no SDK):
// - Alibaba Cloud SMS (dysmsapi, RPC style): SendSms with a signature over the canonicalised query
//   (HMAC-SHA1 of "GET&%2F&" + the percent-encoded sorted query, key = AccessKeySecret + "&");
// - Tencent Cloud SMS (API 3.0, 2021-01-11): SendSms signed with TC3-HMAC-SHA256.
// Each answers ok with the provider's message id, or an error that is retryable (time-out, 5xx, throttling,
// a malformed answer) or permanent (a refused number or template).
import { createHash, createHmac, randomUUID } from "node:crypto";

export interface SmsSend {
  phone: string;
  signName: string;
  template: string;
  /** The template's parameters, in the template's order (Tencent takes them as a list, Alibaba by name). */
  params: [string, string][];
  /** Our row id, echoed in the provider's receipts where it supports it. */
  outId: string;
}

export type SmsResult = { ok: true; messageId: string } | { ok: false; retry: boolean; error: string };

export interface SmsProvider {
  name: "aliyun" | "tencent";
  send(message: SmsSend, at: Date): Promise<SmsResult>;
}

export interface SmsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  endpoint: string;
  timeoutMs: number;
  /** Tencent only. */
  sdkAppId?: string;
  region?: string;
}

/** RFC 3986 percent-encoding as Alibaba Cloud's signature specifies (space %20, `*` %2A, `~` kept). */
export const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Alibaba Cloud's RPC signature of a query (every parameter but Signature). */
export function aliyunSignature(params: Record<string, string>, secret: string, method = "GET"): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join("&");
  const toSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(toSign).digest("base64");
}

const sha256hex = (s: string) => createHash("sha256").update(s).digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s).digest();

/** Tencent Cloud's TC3-HMAC-SHA256 Authorization header for a JSON POST to `host`. */
export function tencentAuthorization(o: {
  secretId: string;
  secretKey: string;
  host: string;
  service: string;
  action: string;
  payload: string;
  timestamp: number;
}): string {
  const date = new Date(o.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = `content-type:application/json; charset=utf-8\nhost:${o.host}\nx-tc-action:${o.action.toLowerCase()}\n`;
  const signedHeaders = "content-type;host;x-tc-action";
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, signedHeaders, sha256hex(o.payload)].join("\n");
  const scope = `${date}/${o.service}/tc3_request`;
  const toSign = ["TC3-HMAC-SHA256", String(o.timestamp), scope, sha256hex(canonicalRequest)].join("\n");
  const secretSigning = hmac(hmac(hmac(`TC3${o.secretKey}`, date), o.service), "tc3_request");
  const signature = createHmac("sha256", secretSigning).update(toSign).digest("hex");
  return `TC3-HMAC-SHA256 Credential=${o.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** A provider's answer, read defensively: network errors, time-outs and bodies that are not JSON are retryable. */
async function call(url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { error: `malformed answer (HTTP ${res.status})` };
    }
  } catch (e) {
    return { error: (e as Error).name === "TimeoutError" ? "timeout" : `network: ${(e as Error).message}` };
  }
}

// Refusals that a retry cannot cure: the number, the template or the signature name is wrong, or the account.
const aliyunPermanent =
  /^isv\.(MOBILE_NUMBER_ILLEGAL|TEMPLATE_MISSING_PARAMETERS|SMS_TEMPLATE_ILLEGAL|SMS_SIGNATURE_ILLEGAL|INVALID_PARAMETERS|BLACK_KEY_CONTROL_LIMIT|ACCOUNT_NOT_EXISTS|PARAM_LENGTH_LIMIT)$|^(InvalidAccessKeyId\.NotFound|SignatureDoesNotMatch)$/;
const tencentPermanent =
  /^(InvalidParameterValue|FailedOperation\.(TemplateIncorrectOrUnapproved|SignatureIncorrectOrUnapproved|PhoneNumberInBlacklist)|AuthFailure|UnauthorizedOperation|UnsupportedOperation)/;

export function aliyunProvider(c: SmsCredentials): SmsProvider {
  return {
    name: "aliyun",
    async send(m, at) {
      const params: Record<string, string> = {
        AccessKeyId: c.accessKeyId,
        Action: "SendSms",
        Format: "JSON",
        OutId: m.outId,
        PhoneNumbers: m.phone,
        RegionId: "cn-hangzhou",
        SignName: m.signName,
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: randomUUID(),
        SignatureVersion: "1.0",
        TemplateCode: m.template,
        TemplateParam: JSON.stringify(Object.fromEntries(m.params)),
        Timestamp: `${at.toISOString().slice(0, 19)}Z`,
        Version: "2017-05-25",
      };
      const signature = aliyunSignature(params, c.accessKeySecret);
      const query = `Signature=${percentEncode(signature)}&${Object.keys(params)
        .sort()
        .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
        .join("&")}`;
      const answer = await call(`${c.endpoint.replace(/\/?$/, "/")}?${query}`, { method: "GET" }, c.timeoutMs);
      if ("error" in answer) return { ok: false, retry: true, error: answer.error };
      const body = answer.body as { Code?: unknown; BizId?: unknown; Message?: unknown };
      if (body && body.Code === "OK" && typeof body.BizId === "string") return { ok: true, messageId: body.BizId };
      const code = typeof body?.Code === "string" ? body.Code : `HTTP ${answer.status}`;
      return { ok: false, retry: !aliyunPermanent.test(code), error: `${code}: ${String(body?.Message ?? "")}`.slice(0, 300) };
    },
  };
}

export function tencentProvider(c: SmsCredentials): SmsProvider {
  const url = new URL(c.endpoint);
  return {
    name: "tencent",
    async send(m, at) {
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${m.phone}`],
        SmsSdkAppId: c.sdkAppId ?? "",
        SignName: m.signName,
        TemplateId: m.template,
        TemplateParamSet: m.params.map(([, v]) => v),
        SessionContext: m.outId,
      });
      const timestamp = Math.floor(at.getTime() / 1000);
      const authorization = tencentAuthorization({
        secretId: c.accessKeyId,
        secretKey: c.accessKeySecret,
        host: url.host,
        service: "sms",
        action: "SendSms",
        payload,
        timestamp,
      });
      const answer = await call(
        url.toString(),
        {
          method: "POST",
          body: payload,
          headers: {
            authorization,
            "content-type": "application/json; charset=utf-8",
            host: url.host,
            "x-tc-action": "SendSms",
            "x-tc-version": "2021-01-11",
            "x-tc-timestamp": String(timestamp),
            "x-tc-region": c.region ?? "ap-guangzhou",
          },
        },
        c.timeoutMs,
      );
      if ("error" in answer) return { ok: false, retry: true, error: answer.error };
      const response = (answer.body as { Response?: Record<string, unknown> })?.Response;
      const error = response?.Error as { Code?: string; Message?: string } | undefined;
      if (error?.Code)
        return { ok: false, retry: !tencentPermanent.test(error.Code), error: `${error.Code}: ${error.Message ?? ""}`.slice(0, 300) };
      const status = (response?.SendStatusSet as { Code?: string; SerialNo?: string; Message?: string }[] | undefined)?.[0];
      if (status?.Code === "Ok" && typeof status.SerialNo === "string") return { ok: true, messageId: status.SerialNo };
      if (status?.Code)
        return { ok: false, retry: !tencentPermanent.test(status.Code), error: `${status.Code}: ${status.Message ?? ""}`.slice(0, 300) };
      return { ok: false, retry: true, error: `malformed answer (HTTP ${answer.status})` };
    },
  };
}

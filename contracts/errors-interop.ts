// Error ids of the interfaces to other systems (API keys, Open311); spread into the catalogue in errors.ts.
export const interopErrors = {
  "interop.bad_station": { status: 400, "zh-CN": "服务站不存在", en: "No such station" },
  "interop.key_revoked": { status: 409, "zh-CN": "该密钥已吊销", en: "This key is already revoked" },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

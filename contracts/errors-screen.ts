// Error ids of the big screen and its kiosk tokens; spread into the catalogue in errors.ts.
export const screenErrors = {
  "kiosk.invalid": {
    status: 401,
    "zh-CN": "大屏访问码无效或已停用，请联系服务站重新生成",
    en: "This screen's access token is invalid or revoked; ask the station for a new one",
  },
  "kiosk.revoked": { status: 409, "zh-CN": "该访问码已停用", en: "This token is already revoked" },
} as const;

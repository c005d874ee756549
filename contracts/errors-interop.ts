// Error ids of the interfaces to other systems (API keys, Open311); spread into the catalogue in errors.ts.
export const interopErrors = {
  "interop.bad_station": { status: 400, "zh-CN": "服务站不存在", en: "No such station" },
  "interop.key_revoked": { status: 409, "zh-CN": "该密钥已吊销", en: "This key is already revoked" },
  "interop.key_required": { status: 400, "zh-CN": "缺少对接密钥（X-Api-Key）", en: "The API key (X-Api-Key) is missing" },
  "interop.bad_key": { status: 403, "zh-CN": "对接密钥无效或已吊销", en: "The API key is invalid or revoked" },
  "hotline.unmapped_category": {
    status: 400,
    "zh-CN": "热线类别“{category}”尚未对应到问题类别，请服务站在类别对照表中补充后重发",
    en: "The hotline category “{category}” is not mapped to a problem category yet; map it, then send the order again",
  },
  "hotline.bad_category": { status: 400, "zh-CN": "问题类别不存在或已停用", en: "No such active problem category" },
  "hotline.transition": { status: 409, "zh-CN": "工单当前状态不允许此操作", en: "The work order's current status does not allow this" },
  "hotline.extension_used": { status: 409, "zh-CN": "每张工单只能申请一次延期", en: "An order may ask for one extension only" },
  "hotline.not_resolved": {
    status: 409,
    "zh-CN": "问题办结后才能答复热线",
    en: "Reply to the hotline once the problem is resolved",
  },
  "hotline.reply_text": { status: 400, "zh-CN": "请填写答复内容", en: "Write the reply" },
  "interop.wechat_off": { status: 409, "zh-CN": "本平台尚未接入微信公众号", en: "No WeChat official account is configured" },
  "interop.wechat_consent": {
    status: 400,
    "zh-CN": "绑定微信须同意通过公众号接收通知",
    en: "Binding WeChat needs your consent to receive notifications through the official account",
  },
  "interop.wechat_code": {
    status: 400,
    "zh-CN": "微信授权已失效，请重新打开页面",
    en: "The WeChat authorisation has expired; open the page again",
  },
  "hotline.bad_dates": { status: 400, "zh-CN": "办理时限须晚于派单时间", en: "The reply deadline must be after the dispatch time" },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

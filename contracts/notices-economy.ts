// What the merchant economy tells merchants (spread into the catalogue in notices.ts): a policy they are eligible
// for has opened, its deadline nears, their application moved on, a purchase waits for their confirmation.
export const economyNotices = {
  "economy.policy_opened": {
    title: { "zh-CN": "惠企政策开始申报", en: "A support policy is open" },
    body: {
      "zh-CN": "「{title}」已开始申报，截止 {deadline}。您符合申报条件，可在“政策帮扶”中申请，或到{where}办理。",
      en: "“{title}” is open for applications until {deadline}. You meet its conditions: apply under “Support” or at {where}.",
    },
  },
  "economy.policy_deadline": {
    title: { "zh-CN": "政策申报即将截止", en: "A policy's deadline is near" },
    body: {
      "zh-CN": "「{title}」将于 {deadline} 截止申报，您符合条件尚未申请，可在“政策帮扶”中申请。",
      en: "“{title}” closes on {deadline}. You meet its conditions and have not applied yet: apply under “Support”.",
    },
  },
  "economy.relief_step": {
    title: { "zh-CN": "政策申请进度", en: "Your application moved on" },
    body: {
      "zh-CN": "您申请的「{title}」{step}。",
      en: "Your application for “{title}”: {step}.",
    },
  },
  "economy.purchase_to_confirm": {
    title: { "zh-CN": "请确认定向消费", en: "Please confirm a purchase" },
    body: {
      "zh-CN": "{enterprise}于 {date} 在您店消费 {amount} 元（票号 {invoice}），请在“定向消费”中确认收款。",
      en: "{enterprise} bought {amount} yuan from you on {date} (receipt {invoice}). Please confirm receipt under “Purchases”.",
    },
  },
} as const;

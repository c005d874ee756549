// Error ids of the Party branch and its member development; spread into the catalogue in errors.ts.
// A development refusal names the rule it applies: the server fills {rule_zh}/{rule_en} with the rule's text (and
// what the refusal is about, e.g. the latest date) and {source} with the article of the 《细则》 it comes from.
export const partyErrors = {
  "development.rule": { status: 400, "zh-CN": "{rule_zh}——{source}", en: "{rule_en}——{source}" },
  "development.out_of_order": { status: 409, "zh-CN": "{rule_zh}——{source}", en: "{rule_en}——{source}" },
  "development.already_recorded": { status: 409, "zh-CN": "{rule_zh}——{source}", en: "{rule_en}——{source}" },
  "development.closed": { status: 409, "zh-CN": "{rule_zh}——{source}", en: "{rule_en}——{source}" },
  "party.not_member": {
    status: 400,
    "zh-CN": "不是本支部的党员",
    en: "Not a member of this branch",
  },
  "party.already_transferred": { status: 409, "zh-CN": "该党员已转出", en: "This member has already been transferred out" },
  "party.meeting_held": { status: 409, "zh-CN": "该会议已召开并记录", en: "This meeting has already been held and recorded" },
  "party.not_station_branch": {
    status: 400,
    "zh-CN": "先锋岗须由服务站党支部的党员担任",
    en: "Pioneer posts are held by members of a station's branch",
  },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

export type PartyErrorId = keyof typeof partyErrors;

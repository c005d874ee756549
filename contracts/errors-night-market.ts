// Error ids of the night market; spread into the catalogue in errors.ts.
// Messages may carry {placeholders}: the server fills them before answering.
export const nightMarketErrors = {
  "night_market.bad_season": {
    status: 400,
    "zh-CN": "夜市季不存在或不属于本服务站",
    en: "The season does not exist or belongs to another station",
  },
  "night_market.bad_dates": { status: 400, "zh-CN": "结束日期不能早于开始日期", en: "The last night cannot be before the first" },
  "night_market.season_locked": {
    status: 409,
    "zh-CN": "夜市季已分配摊位，不能再修改营业日期和分配规则",
    en: "The season's pitches are allocated: its nights and rule can no longer change",
  },
  "night_market.pitch_number_taken": { status: 409, "zh-CN": "该摊位编号已存在", en: "This pitch number already exists" },
  "night_market.bad_pitch": {
    status: 400,
    "zh-CN": "摊位不存在或不属于该夜市季",
    en: "The pitch does not exist or belongs to another season",
  },
  "night_market.not_open": { status: 409, "zh-CN": "该夜市季未开放报名", en: "This season is not open for applications" },
  "night_market.deadline_passed": { status: 409, "zh-CN": "报名已于 {deadline} 截止", en: "Applications closed at {deadline}" },
  "night_market.food_licence_required": {
    status: 400,
    "zh-CN": "经营食品须填写食品经营许可证号",
    en: "Selling food needs the food business licence number",
  },
  "night_market.too_many_pitches": {
    status: 400,
    "zh-CN": "每个经营者最多 {max} 个摊位",
    en: "An operator may have at most {max} pitches",
  },
  "night_market.already_applied": { status: 409, "zh-CN": "您已报名该夜市季", en: "You have already applied for this season" },
  "night_market.application_transition": {
    status: 409,
    "zh-CN": "该报名当前状态不允许此操作",
    en: "The application's current status does not allow this",
  },
  "night_market.suspended": { status: 409, "zh-CN": "该经营者因不良记录已被暂停经营", en: "This operator is suspended for bad records" },
  "night_market.not_operator": {
    status: 409,
    "zh-CN": "您还不是夜市经营者，请先报名",
    en: "You are not a night-market operator: apply first",
  },
  "night_market.already_allocated": {
    status: 409,
    "zh-CN": "该夜市季已完成摊位分配（{rule}）",
    en: "This season's pitches are already allocated ({rule})",
  },
  "night_market.nothing_to_allocate": {
    status: 409,
    "zh-CN": "没有已通过的报名或可用摊位，无法分配",
    en: "There are no approved applications or no pitches to allocate",
  },
  "night_market.pitch_taken": { status: 409, "zh-CN": "该摊位当晚已有经营者", en: "This pitch already has an operator that night" },
  "night_market.not_your_pitch": { status: 403, "zh-CN": "这不是您当晚的摊位", en: "This is not your pitch that night" },
  "night_market.not_tonight": { status: 409, "zh-CN": "只能在当晚营业时间前后签到", en: "Check in only on the night itself" },
  "night_market.already_checked_in": { status: 409, "zh-CN": "已签到", en: "Already checked in" },
  "night_market.offer_taken": { status: 409, "zh-CN": "该摊位已被其他经营者领取", en: "Another operator has taken this pitch" },
  "night_market.not_waiting": {
    status: 409,
    "zh-CN": "只有已通过审核且在候补名单上的经营者可以领取",
    en: "Only approved operators on the waiting list may claim a pitch",
  },
  "night_market.has_pitch_tonight": { status: 409, "zh-CN": "您当晚已有摊位", en: "You already have a pitch that night" },
  "night_market.closed_night": { status: 409, "zh-CN": "{night} 夜市不营业", en: "The night market does not open on {night}" },
  "night_market.night_closed": {
    status: 409,
    "zh-CN": "该晚数据已关账，如需修改请走更正流程并说明原因",
    en: "This night is closed: correct it with a reason",
  },
  "night_market.night_not_closed": {
    status: 409,
    "zh-CN": "该晚尚未关账，可直接修改",
    en: "This night is not closed yet: edit it directly",
  },
  "night_market.exits_exceed_entries": {
    status: 400,
    "zh-CN": "出口人数（{out}）超过入口人数（{in}）",
    en: "Exits ({out}) exceed entries ({in})",
  },
  "night_market.duplicate_entrance": { status: 400, "zh-CN": "同一入口只能填写一次", en: "Each entrance may be given once" },
  "night_market.no_counts": { status: 409, "zh-CN": "尚未录入客流，不能关账", en: "No visitor counts yet: the night cannot close" },
  "night_market.refund_exceeds": {
    status: 400,
    "zh-CN": "退款金额超过已缴金额（{paid}）",
    en: "The refund exceeds what was paid ({paid})",
  },
  "night_market.bad_operator": {
    status: 400,
    "zh-CN": "经营者不存在或不属于本服务站",
    en: "The operator does not exist or belongs to another station",
  },
  "night_market.bad_job_dates": { status: 400, "zh-CN": "离岗日期不能早于上岗日期", en: "The end date cannot be before the start date" },
} as const;

export type NightMarketErrorId = keyof typeof nightMarketErrors;

// Error ids of events and the people's stage; spread into the catalogue in errors.ts.
// Messages may carry {placeholders}: the server fills them before answering.
export const eventsErrors = {
  "event.transition": {
    status: 409,
    "zh-CN": "活动当前为“{status}”，不能{step}",
    en: "The event is {status}: it cannot be {step}",
  },
  "event.not_editable": {
    status: 409,
    "zh-CN": "活动当前为“{status}”，只有计划中或已批准的活动可以编辑",
    en: "The event is {status}: only planned or approved events can be edited",
  },
  "event.signups_held": {
    status: 409,
    "zh-CN": "已有 {count} 人报名，不能关闭报名；请先联系报名者",
    en: "{count} people have signed up; sign-ups cannot be turned off",
  },
  "event.capacity_below_signups": {
    status: 409,
    "zh-CN": "已有 {count} 人报名，名额不能少于已报名人数",
    en: "{count} people have signed up; the places cannot be fewer",
  },
  "event.stale_version": {
    status: 409,
    "zh-CN": "活动已被他人修改，请刷新后重新编辑",
    en: "Someone else changed this event; reload it and edit again",
  },
  "event.not_ended": {
    status: 409,
    "zh-CN": "活动尚未结束，不能标记为已举办",
    en: "The event has not ended yet; it cannot be marked held",
  },
  "event.bad_window": { status: 400, "zh-CN": "结束时间须晚于开始时间", en: "The end must be after the start" },
  "event.bad_unit": { status: 400, "zh-CN": "单位不存在或不属于本服务站", en: "A unit does not exist or belongs to another station" },
  "event.bad_team": {
    status: 400,
    "zh-CN": "文艺团队不存在或不属于本服务站",
    en: "A cultural team does not exist or belongs to another station",
  },
  "event.bad_merchant": {
    status: 400,
    "zh-CN": "商户不存在或不属于本服务站",
    en: "A merchant does not exist or belongs to another station",
  },
  "event.bad_project": {
    status: 400,
    "zh-CN": "项目不存在或不属于本服务站",
    en: "The project does not exist or belongs to another station",
  },
  "event.promotion_fields": {
    status: 400,
    "zh-CN": "促销活动须填写基期方式和促销日期",
    en: "A promotion needs its baseline kind and promotion dates",
  },
  "event.baseline_dates": {
    status: 400,
    "zh-CN": "“去年同期节日”基期须填写去年的日期",
    en: "A same-holiday-last-year baseline needs last year's dates",
  },
  "event.not_promotion": { status: 409, "zh-CN": "只有促销活动登记营业额", en: "Takings are reported for promotions only" },
  "event.not_taking_part": { status: 409, "zh-CN": "该商户未参加本次促销", en: "This merchant does not take part in this promotion" },
  "event.not_promotion_day": {
    status: 400,
    "zh-CN": "{date} 不是本次促销的基期日或促销日",
    en: "{date} is neither a baseline day nor a promotion day of this promotion",
  },
  "event.takings_future": { status: 400, "zh-CN": "不能登记今天之后的营业额", en: "Takings cannot be reported for a day after today" },
  "event.count_exits": { status: 400, "zh-CN": "出场人数不能多于入场人数", en: "Exits cannot exceed entries" },
  "event.count_re_entries": { status: 400, "zh-CN": "重复入场人数不能多于入场人数", en: "Re-entries cannot exceed entries" },
  "event.count_fields": {
    status: 400,
    "zh-CN": "出入口计数须填写入口和入场人数；其他方式须填写人数",
    en: "Counts at the gates need the entrance and entries; the other methods need the figure",
  },
  "event.count_exists": {
    status: 409,
    "zh-CN": "该日该方式（及入口）已有计数",
    en: "This day already has a count by this method (and entrance)",
  },
  "event.count_day": {
    status: 400,
    "zh-CN": "计数日期不在活动期间或基期内",
    en: "The day is neither in the event's window nor in its baseline",
  },
  "event.no_signups": { status: 409, "zh-CN": "该活动不接受报名", en: "This event does not take sign-ups" },
  "event.signup_closed": { status: 409, "zh-CN": "活动已开始或不在报名阶段", en: "The event has started or is not open for sign-up" },
  "event.full": { status: 409, "zh-CN": "报名人数已满（{capacity} 人）", en: "The event is full ({capacity} places)" },
  "event.already_signed_up": { status: 409, "zh-CN": "您已报名该活动", en: "You have already signed up for this event" },
  "event.not_signed_up": {
    status: 409,
    "zh-CN": "您没有报名该活动，或已取消报名",
    en: "You are not signed up for this event, or have withdrawn",
  },
  "event.withdraw_closed": {
    status: 409,
    "zh-CN": "活动已开始或已结束，不能取消报名",
    en: "The event has started or ended; the sign-up can no longer be withdrawn",
  },
  "event.photo_used": { status: 409, "zh-CN": "该照片已登记", en: "This photo is already recorded" },
  "stage.outside_hours": {
    status: 400,
    "zh-CN": "场地开放时间为 {days} {from}–{to}",
    en: "The venue is open {days} {from}–{to}",
  },
  "stage.slot_alignment": { status: 400, "zh-CN": "预约须从整点或半点开始和结束", en: "Bookings start and end on the hour or half hour" },
  "stage.bad_window": { status: 400, "zh-CN": "结束时间须晚于开始时间", en: "The end must be after the start" },
  "stage.in_past": { status: 400, "zh-CN": "不能预约已过去的时间", en: "A booking cannot start in the past" },
  "stage.overlap": {
    status: 409,
    "zh-CN": "{date} {from}–{to} 已被“{title}”占用",
    en: "{date} {from}–{to} is taken by “{title}”",
  },
  "stage.blocked": {
    status: 409,
    "zh-CN": "{date} 场地不开放：{reason}",
    en: "The venue is closed on {date}: {reason}",
  },
  "stage.night_market": {
    status: 409,
    "zh-CN": "{date} {from}–{to} 与夜市营业时间（{label}）冲突",
    en: "{date} {from}–{to} overlaps the night market's hours ({label})",
  },
  "stage.bad_venue": { status: 400, "zh-CN": "场地不存在或不属于本服务站", en: "The venue does not exist or belongs to another station" },
  "stage.bad_team": {
    status: 400,
    "zh-CN": "文艺团队不存在或不属于本服务站",
    en: "The cultural team does not exist or belongs to another station",
  },
  "stage.not_leader": { status: 409, "zh-CN": "只有团队负责人可以为团队预约", en: "Only the team's leader may book for the team" },
  "stage.booking_transition": {
    status: 409,
    "zh-CN": "该预约当前为“{status}”，不能执行此操作",
    en: "The booking is {status}: this step is not possible",
  },
  "stage.booking_started": {
    status: 409,
    "zh-CN": "该预约已开始，不能取消",
    en: "The booking has started; it cannot be cancelled",
  },
  "stage.repeat_too_long": {
    status: 400,
    "zh-CN": "重复预约最长一年、最多 120 次",
    en: "A repeating booking spans at most a year and 120 dates",
  },
  "stage.repeat_empty": { status: 400, "zh-CN": "重复规则在该期间内没有日期", en: "The repeat rule gives no dates in that period" },
  "stage.team_name_taken": { status: 409, "zh-CN": "团队名称已存在", en: "A team with this name exists" },
  "stage.venue_name_taken": { status: 409, "zh-CN": "场地名称已存在", en: "A venue with this name exists" },
  "stage.member_exists": { status: 409, "zh-CN": "该成员已在团队中", en: "This person is already a member" },
  "stage.bad_member": {
    status: 400,
    "zh-CN": "居民或商户不存在或不属于本服务站",
    en: "The resident or merchant does not exist or belongs to another station",
  },
  "environment.bad_event": {
    status: 400,
    "zh-CN": "整治活动不存在或不是环境整治",
    en: "The campaign does not exist or is not an environment campaign",
  },
  "environment.bad_category": { status: 400, "zh-CN": "问题类别不存在或已停用", en: "Unknown or inactive problem category" },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

export type EventsErrorId = keyof typeof eventsErrors;

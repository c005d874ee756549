// Error ids of the volunteer service; spread into the catalogue in errors.ts.
// Messages may carry {placeholders}: the server fills them before answering.
export const volunteersErrors = {
  "volunteer.not_registered": { status: 409, "zh-CN": "请先登记志愿者信息", en: "Register as a volunteer first" },
  "volunteer.already_registered": { status: 409, "zh-CN": "该账号已登记为志愿者", en: "This account is already registered as a volunteer" },
  "volunteer.consent_required": {
    status: 400,
    "zh-CN": "登记志愿者须同意记录和使用志愿服务信息",
    en: "Registering needs your consent to the recording of your volunteer service",
  },
  "volunteer.membership_exists": {
    status: 409,
    "zh-CN": "已申请或已加入该服务队",
    en: "You have already asked to join or joined this team",
  },
  "volunteer.membership_transition": {
    status: 409,
    "zh-CN": "该入队申请当前状态不允许此操作",
    en: "The membership's current status does not allow this",
  },
  "volunteer.not_leader": { status: 403, "zh-CN": "只有该队队长或服务站可以审批", en: "Only the team's leader or the station may decide" },
  "volunteer.bad_team": {
    status: 400,
    "zh-CN": "服务队不存在或不属于本服务站",
    en: "The team does not exist or belongs to another station",
  },
  "volunteer.bad_window": { status: 400, "zh-CN": "结束时间须晚于开始时间", en: "The end time must be after the start time" },
  "volunteer.not_in_team": {
    status: 409,
    "zh-CN": "您不是参加该活动的服务队队员",
    en: "You are not a member of a team taking part in this activity",
  },
  "volunteer.signup_closed": {
    status: 409,
    "zh-CN": "报名已于 {deadline} 截止",
    en: "Sign-up closed at {deadline}",
  },
  "volunteer.already_signed_up": { status: 409, "zh-CN": "您已报名该场活动", en: "You have already signed up for this activity" },
  "volunteer.occurrence_closed": {
    status: 409,
    "zh-CN": "该场活动已撤回或取消",
    en: "This activity has been withdrawn or cancelled",
  },
  "volunteer.signup_transition": {
    status: 409,
    "zh-CN": "该报名当前状态不允许此操作",
    en: "The sign-up's current status does not allow this",
  },
  "volunteer.has_signups": {
    status: 409,
    "zh-CN": "该场活动已有 {count} 人报名，不能撤回，请改为取消（将通知报名者）",
    en: "{count} people have signed up: cancel the activity instead (they are told)",
  },
  "volunteer.no_signups": {
    status: 409,
    "zh-CN": "该场活动无人报名，请直接撤回",
    en: "Nobody has signed up for this activity: withdraw it instead",
  },
  "volunteer.code_invalid": { status: 400, "zh-CN": "签到码无效", en: "The check-in code is not valid" },
  "volunteer.code_expired": { status: 400, "zh-CN": "签到码已过期，请重新扫码", en: "The check-in code has expired; scan it again" },
  "volunteer.code_other_occurrence": {
    status: 400,
    "zh-CN": "该签到码属于另一场活动",
    en: "This check-in code belongs to another activity",
  },
  "volunteer.not_signed_up": { status: 409, "zh-CN": "您未报名该场活动", en: "You have not signed up for this activity" },
  "volunteer.checkin_not_open": {
    status: 409,
    "zh-CN": "签到时间为活动开始前 {minutes} 分钟至活动结束",
    en: "Check-in opens {minutes} minutes before the start and closes at the end",
  },
  "volunteer.already_checked_in": { status: 409, "zh-CN": "您已签到", en: "You have already checked in" },
  "volunteer.not_checked_in": { status: 409, "zh-CN": "尚未签到，不能签退", en: "You cannot check out before checking in" },
  "volunteer.already_checked_out": { status: 409, "zh-CN": "您已签退", en: "You have already checked out" },
  "volunteer.not_ended": {
    status: 409,
    "zh-CN": "活动尚未结束，不能认证时长",
    en: "The activity has not ended; hours cannot be certified yet",
  },
  "volunteer.already_certified": { status: 409, "zh-CN": "该场活动的时长已认证", en: "This activity's hours are already certified" },
  "volunteer.not_certified": { status: 409, "zh-CN": "该场活动的时长尚未认证", en: "This activity's hours are not certified yet" },
  "volunteer.hours_final": {
    status: 409,
    "zh-CN": "公示期已结束，时长已确定，不能再更正或提出异议",
    en: "The public notice has ended and the hours are final",
  },
  "volunteer.hours_outside_window": {
    status: 400,
    "zh-CN": "时长不能超过活动时段（{minutes} 分钟）",
    en: "Hours cannot exceed the activity window ({minutes} minutes)",
  },
  "volunteer.objection_open": { status: 409, "zh-CN": "您对该场活动已有待处理的异议", en: "You already have an open objection here" },
  "volunteer.objection_transition": { status: 409, "zh-CN": "该异议已处理", en: "This objection has already been decided" },
  // People served, the roster, service records.
  "volunteer.not_held": {
    status: 409,
    "zh-CN": "该场活动尚未结束或已撤回、取消，不能登记服务对象",
    en: "This activity has not taken place (not ended, withdrawn or cancelled): people served cannot be recorded",
  },
  "volunteer.kind_not_on_menu": {
    status: 400,
    "zh-CN": "「{kind}」不在参加本场活动的服务队的服务清单中",
    en: "“{kind}” is not on the service menu of a team taking part in this activity",
  },
  "volunteer.bad_beneficiary": {
    status: 400,
    "zh-CN": "该商户或居民不存在或不属于本服务站",
    en: "The merchant or resident does not exist or belongs to another station",
  },
  "volunteer.served_confirmed": { status: 409, "zh-CN": "该服务已确认", en: "This service has already been confirmed" },
  "volunteer.not_member": {
    status: 400,
    "zh-CN": "该志愿者不是参加本场活动的服务队队员",
    en: "This volunteer is not a member of a team taking part in this activity",
  },
  "volunteer.volunteer_signed_up": {
    status: 409,
    "zh-CN": "该志愿者已报名本场活动",
    en: "This volunteer has already signed up for this activity",
  },
  "volunteer.team_full": {
    status: 409,
    "zh-CN": "该服务队本场的 {places} 个名额已满",
    en: "The team's {places} places for this activity are taken",
  },
  "volunteer.started": {
    status: 409,
    "zh-CN": "活动已开始，不能再安排或替换",
    en: "The activity has started: volunteers can no longer be assigned or substituted",
  },
  "volunteer.record_period": {
    status: 400,
    "zh-CN": "证明期间须在今天之前，且不超过十年",
    en: "The period must end by today and span at most ten years",
  },
  "volunteer.record_empty": {
    status: 409,
    "zh-CN": "{name}在 {from} 至 {to} 期间没有已确定的服务时长",
    en: "{name} has no final hours between {from} and {to}",
  },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

export type VolunteersErrorId = keyof typeof volunteersErrors;

// Error ids of the counter: catalogue and requests; spread into the catalogue in errors.ts.
export const counterErrors = {
  "service.code_taken": { status: 409, "zh-CN": "该事项编号已存在", en: "This item code is already in use" },
  "service.unit_invalid": {
    status: 400,
    "zh-CN": "责任部门须为本站的联盟单位或职能部门",
    en: "The responsible department must be an alliance unit of this station",
  },
  "service.item_inactive": {
    status: 409,
    "zh-CN": "该服务事项已停用，不能再预约或受理",
    en: "This service item is no longer offered",
  },
  "service.wrong_audience": {
    status: 400,
    "zh-CN": "该事项不面向您的身份办理（仅限商户或仅限居民）",
    en: "This item is not offered to applicants like you (merchants only or residents only)",
  },
  "service.date_past": { status: 400, "zh-CN": "不能预约已经过去的日期", en: "You cannot book a day in the past" },
  "service.date_too_far": {
    status: 400,
    "zh-CN": "最多可预约 60 天内的日期",
    en: "Bookings open at most 60 days ahead",
  },
  "service.no_duty": {
    status: 400,
    "zh-CN": "当天没有办理该事项的部门在站坐班，请选择其他日期",
    en: "No department offering this item is on duty at the station that day; pick another day",
  },
  "service.shift_full": {
    status: 409,
    "zh-CN": "当天的预约名额已满，请选择其他日期",
    en: "That day is fully booked; pick another day",
  },
  "service.already_booked": {
    status: 409,
    "zh-CN": "您当天已预约或正在办理该事项",
    en: "You already have this item booked or in progress that day",
  },
  "service.transition": {
    status: 409,
    "zh-CN": "办件当前状态不允许此操作",
    en: "The request's current status does not allow this",
  },
  "service.not_today": {
    status: 409,
    "zh-CN": "只能在预约当天签到取号",
    en: "A booking can only be checked in on its day",
  },
  "service.queue_empty": { status: 409, "zh-CN": "当前没有等候的群众", en: "Nobody is waiting in the queue" },
  "service.not_rateable": {
    status: 409,
    "zh-CN": "办结后才能评价",
    en: "A request can be rated once it is done",
  },
  "service.already_rated": { status: 409, "zh-CN": "该办件已评价过", en: "This request has already been rated" },
  "service.applicant_invalid": {
    status: 400,
    "zh-CN": "申请人不是本站登记的商户或居民",
    en: "The applicant is not a merchant or resident registered at this station",
  },
  "service.station_required": {
    status: 400,
    "zh-CN": "请选择服务站",
    en: "Choose a station",
  },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

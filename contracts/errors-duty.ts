// Error ids of the duty roster and the Red Shield post; spread into the catalogue in errors.ts.
// Messages may carry {placeholders}: the server fills them (the date, the desks, the bookings) before answering.
export const dutyErrors = {
  "duty.conflict": {
    status: 409,
    "zh-CN": "{unit}在 {date} 已有坐班安排：同一部门一天只坐班一次",
    en: "{unit} already sits at the station on {date}: a department sits at most once a day",
  },
  "duty.desks_full": {
    status: 409,
    "zh-CN": "{date} 已有 {count} 个部门坐班，服务站只有 {desks} 个坐班席位",
    en: "{date} already has {count} departments on duty; the station has {desks} desks",
  },
  "duty.shift_booked": {
    status: 409,
    "zh-CN": "该班次已有 {booked} 个预约，不能移动或删除，请先与预约群众协调",
    en: "This shift holds {booked} bookings; it cannot be moved or deleted until they are settled",
  },
  "duty.capacity_below_booked": {
    status: 409,
    "zh-CN": "该班次已有 {booked} 个预约，可预约数不能少于 {booked}",
    en: "This shift holds {booked} bookings; its capacity cannot be below {booked}",
  },
  "duty.shift_referenced": {
    status: 409,
    "zh-CN": "该班次已有办事记录，不能删除",
    en: "Service requests refer to this shift; it cannot be deleted",
  },
  "duty.past_day": {
    status: 409,
    "zh-CN": "{date} 已经过去，过去的坐班安排只能查看",
    en: "{date} is in the past; past days of the roster are read-only",
  },
  "duty.desks_below_planned": {
    status: 409,
    "zh-CN": "{date} 已安排 {count} 个部门坐班，席位数不能少于 {count}",
    en: "{date} already has {count} departments planned; the desks cannot be fewer than {count}",
  },
  "duty.rule_conflicts": {
    status: 409,
    "zh-CN": "有 {count} 个日期冲突或席位已满（{dates}），可选择跳过这些日期后再生成",
    en: "{count} dates conflict or have no free desk ({dates}); choose to skip them to generate the rest",
  },
  "duty.rule_no_dates": {
    status: 400,
    "zh-CN": "所选期间内没有可安排的日期",
    en: "The rule gives no date that can be planned in this period",
  },
  "duty.bad_unit": {
    status: 400,
    "zh-CN": "该单位不属于本服务站或已停用",
    en: "This unit does not belong to the station or is inactive",
  },
  "duty.bad_officer": {
    status: 400,
    "zh-CN": "坐班人员须是该单位的在用账号",
    en: "The officer on duty must be an active account of the unit",
  },
  "redshield.no_plan": {
    status: 409,
    "zh-CN": "尚未设置红盾先锋驿站的排期",
    en: "The Red Shield post has no schedule yet",
  },
  "redshield.session_closed": {
    status: 409,
    "zh-CN": "该场次已过去或已取消，不能预约",
    en: "This session is past or cancelled; it cannot be booked",
  },
  "redshield.slot_taken": {
    status: 409,
    "zh-CN": "{slot} 时段已被预约，请选择其他时段",
    en: "The {slot} slot is already booked; choose another",
  },
  "redshield.already_booked": {
    status: 409,
    "zh-CN": "您已预约本场次的 {slot} 时段，每场只能预约一个时段",
    en: "You already hold the {slot} slot of this session; one slot per session",
  },
  "redshield.bad_slot": {
    status: 400,
    "zh-CN": "该场次没有这个时段",
    en: "This session has no such slot",
  },
  "redshield.session_transition": {
    status: 409,
    "zh-CN": "场次当前状态不允许此操作",
    en: "The session's status does not allow this",
  },
  "redshield.not_started": {
    status: 409,
    "zh-CN": "场次 {date} 尚未开始",
    en: "The session of {date} has not started yet",
  },
  "redshield.booking_closed": {
    status: 409,
    "zh-CN": "该预约已取消或已结束",
    en: "This booking is cancelled or already settled",
  },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

export type DutyErrorId = keyof typeof dutyErrors;

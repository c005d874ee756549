import { counterErrors } from "./errors-counter.ts";
import { dutyErrors } from "./errors-duty.ts";
import { economyErrors, economyValidation } from "./errors-economy.ts";
import { eventsErrors } from "./errors-events.ts";
import { figuresErrors, figuresValidation } from "./errors-figures.ts";
import { interopErrors } from "./errors-interop.ts";
import { lendingErrors } from "./errors-lending.ts";
import { nightMarketErrors } from "./errors-night-market.ts";
import { orgErrors, orgValidation } from "./errors-org.ts";
import { partyErrors } from "./errors-party.ts";
import { reportsErrors, reportsValidation } from "./errors-reports.ts";
import { screenErrors } from "./errors-screen.ts";
import { volunteersErrors } from "./errors-volunteers.ts";

// The error catalogue: stable ids with their messages in both languages. The server answers
// { error: { id, message, fields? } }; the web shows `message` or looks the id up here.

export type Locale = "zh-CN" | "en";

export const errorCatalogue = {
  "request.invalid": { status: 400, "zh-CN": "请求内容有误，请检查标出的字段", en: "The request is invalid; check the fields named" },
  "request.malformed_json": { status: 400, "zh-CN": "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  "request.too_large": { status: 413, "zh-CN": "请求体超过 1 MB 上限", en: "The request body exceeds the 1 MB limit" },
  "request.unsupported_media_type": { status: 415, "zh-CN": "不支持的内容类型", en: "Unsupported content type" },
  "request.rate_limited": {
    status: 429,
    "zh-CN": "操作过于频繁，请 {seconds} 秒后再试",
    en: "Too many requests; try again in {seconds} s",
  },
  "auth.required": { status: 401, "zh-CN": "请先登录", en: "Please sign in" },
  "auth.invalid_credentials": { status: 401, "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  "auth.locked": {
    status: 429,
    "zh-CN": "登录失败次数过多，请 15 分钟后再试",
    en: "Too many failed sign-ins; try again in 15 minutes",
  },
  "auth.disabled": { status: 403, "zh-CN": "账号已停用", en: "This account is disabled" },
  "auth.session_expired": { status: 401, "zh-CN": "登录已超时，请重新登录", en: "Your session has expired; please sign in again" },
  "auth.csrf": { status: 403, "zh-CN": "安全校验失败，请刷新页面后重试", en: "Security check failed; reload the page and try again" },
  "auth.wrong_password": { status: 400, "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  "access.denied": { status: 403, "zh-CN": "无权执行此操作", en: "You are not allowed to do this" },
  "route.not_found": { status: 404, "zh-CN": "接口不存在", en: "No such endpoint" },
  "record.not_found": { status: 404, "zh-CN": "记录不存在或无权查看", en: "The record does not exist or is not visible to you" },
  "record.conflict": {
    status: 409,
    "zh-CN": "记录已被他人修改，请刷新后重试",
    en: "Someone else changed this record; reload and try again",
  },
  "merchant.credit_code_taken": {
    status: 409,
    "zh-CN": "统一社会信用代码已被其他商户使用",
    en: "This unified social credit code is already used by another merchant",
  },
  "merchant.status_unchanged": { status: 409, "zh-CN": "商户已处于该状态", en: "The merchant already has this status" },
  "merchant.status_transition": {
    status: 409,
    "zh-CN": "已关闭的商户不能再变更状态",
    en: "A closed merchant's status cannot change",
  },
  "stall.code_taken": { status: 409, "zh-CN": "摊位编号已存在", en: "This stall number already exists" },
  "resident.id_number_taken": {
    status: 409,
    "zh-CN": "该身份证号已登记",
    en: "This resident ID number is already registered",
  },
  "user.username_taken": { status: 409, "zh-CN": "用户名已被使用", en: "This username is taken" },
  "user.mobile_taken": { status: 409, "zh-CN": "手机号已绑定其他账号", en: "This mobile number belongs to another account" },
  "user.role_not_assignable": { status: 403, "zh-CN": "无权分配该角色", en: "You may not assign this role" },
  "user.cannot_disable_self": { status: 409, "zh-CN": "不能停用自己的账号", en: "You cannot disable your own account" },
  "import.bad_file": {
    status: 400,
    "zh-CN": "无法读取该 Excel 文件",
    en: "The Excel file cannot be read",
  },
  "import.wrong_columns": { status: 400, "zh-CN": "Excel 列与模板不一致", en: "The Excel columns do not match the template" },
  "import.not_found": { status: 404, "zh-CN": "导入任务不存在或已过期", en: "No such import, or it has expired" },
  "import.already_done": { status: 409, "zh-CN": "该导入已处理", en: "This import has already been handled" },
  "import.has_errors": {
    status: 409,
    "zh-CN": "存在错误行：请选择仅导入有效行，或放弃导入",
    en: "Some rows are in error: import only the valid rows, or import nothing",
  },
  "meeting.transition": {
    status: 409,
    "zh-CN": "会议当前状态不允许此操作",
    en: "The meeting's current status does not allow this",
  },
  "meeting.not_held": { status: 409, "zh-CN": "会议尚未召开，不能形成决议", en: "Resolutions can only be recorded for a held meeting" },
  "meeting.checkin_invalid": { status: 400, "zh-CN": "签到码无效", en: "The check-in code is not valid" },
  "meeting.checkin_expired": { status: 400, "zh-CN": "签到码已过期，请重新扫码", en: "The check-in code has expired; scan it again" },
  "meeting.checkin_closed": {
    status: 409,
    "zh-CN": "该会议今天不开放签到",
    en: "Check-in for this meeting is not open today",
  },
  "meeting.not_invited": { status: 409, "zh-CN": "您所在单位未受邀参加该会议", en: "Your unit is not invited to this meeting" },
  "need.transition": { status: 409, "zh-CN": "需求当前状态不允许此操作", en: "The need's current status does not allow this" },
  "offer.transition": { status: 409, "zh-CN": "服务当前状态不允许此操作", en: "The offer's current status does not allow this" },
  "offer.inactive": { status: 409, "zh-CN": "该服务已撤回，不能匹配", en: "This offer has been withdrawn and cannot be matched" },
  "project.transition": { status: 409, "zh-CN": "项目当前状态不允许此操作", en: "The project's current status does not allow this" },
  "project.need_unavailable": {
    status: 409,
    "zh-CN": "所选需求已关闭或已纳入其他项目",
    en: "A chosen need is closed or already part of another project",
  },
  "action_item.transition": {
    status: 409,
    "zh-CN": "督办事项当前状态不允许此操作",
    en: "The action item's current status does not allow this",
  },
  "meeting.starts_in_past": { status: 400, "zh-CN": "会议时间不能早于今天", en: "The meeting cannot start before today" },
  "action_item.due_in_past": { status: 400, "zh-CN": "完成期限不能早于今天", en: "The due date cannot be in the past" },
  "problem.transition": {
    status: 409,
    "zh-CN": "问题当前状态下不能执行该操作",
    en: "This step is not allowed from the problem's current status",
  },
  "problem.not_your_step": { status: 403, "zh-CN": "该步骤不由您办理", en: "This step is not yours to take" },
  "problem.bad_category": { status: 400, "zh-CN": "问题类别不存在或已停用", en: "Unknown or inactive problem category" },
  "problem.due_in_past": { status: 400, "zh-CN": "办结期限不能早于今天", en: "The due date cannot be in the past" },
  "problem.bad_stall": { status: 400, "zh-CN": "摊位不属于本服务站", en: "The stall does not belong to this station" },
  "problem.bad_unit": {
    status: 400,
    "zh-CN": "承办单位不存在、已停用或不属于本服务站",
    en: "The unit does not exist, is inactive or belongs to another station",
  },
  "file.not_image": {
    status: 400,
    "zh-CN": "只能上传 JPEG、PNG 或 WebP 图片",
    en: "Only JPEG, PNG or WebP images can be uploaded",
  },
  "file.too_large": { status: 413, "zh-CN": "图片超过 10 MB 上限", en: "The image exceeds the 10 MB limit" },
  "file.not_found": {
    status: 400,
    "zh-CN": "图片不存在、已被使用或不是您上传的",
    en: "A photo does not exist, is already used or was not uploaded by you",
  },
  "file.too_many": { status: 400, "zh-CN": "最多上传 6 张图片", en: "At most 6 photos" },
  "request.in_progress": {
    status: 409,
    "zh-CN": "相同的请求正在处理中，请稍候",
    en: "The same request is still being processed; wait a moment",
  },
  "request.idempotency_mismatch": {
    status: 422,
    "zh-CN": "该 Idempotency-Key 已用于另一个操作",
    en: "This Idempotency-Key was used for another operation",
  },
  ...partyErrors,
  "meal.not_elderly_alone": {
    status: 400,
    "zh-CN": "爱心餐只面向本站 60 岁以上的独居老人",
    en: "Caring meals are for elderly residents (60 or over) of the station who live alone",
  },
  "meal.not_caring_restaurant": {
    status: 400,
    "zh-CN": "送餐须由本站已认证的爱心餐厅承担",
    en: "Meals are provided by a certified caring restaurant of the station",
  },
  "meal.recipient_exists": { status: 409, "zh-CN": "该居民已在爱心餐名单中", en: "This resident is already a meal recipient" },
  "meal.not_planned": {
    status: 409,
    "zh-CN": "该老人当天没有送餐计划",
    en: "No meal is planned for this recipient on that day",
  },
  "meal.not_your_delivery": {
    status: 409,
    "zh-CN": "该老人的餐食不由本店配送",
    en: "This recipient's meals are delivered by another restaurant",
  },
  "meal.already_confirmed": {
    status: 409,
    "zh-CN": "当天的送餐已确认",
    en: "This day's delivery is already confirmed",
  },
  "round.transition": { status: 409, "zh-CN": "评选当前状态不允许该操作", en: "The round's status does not allow this step" },
  "round.unreviewed": { status: 409, "zh-CN": "尚有提名未审核", en: "Some nominations are not reviewed yet" },
  "round.publicity_running": { status: 409, "zh-CN": "公示期尚未结束", en: "The publicity period has not ended yet" },
  "round.objections_open": { status: 409, "zh-CN": "尚有异议未处理", en: "Some objections are not decided yet" },
  "round.exists": { status: 409, "zh-CN": "该月该类别的评选已存在", en: "A round for this month and category already exists" },
  "nomination.closed": { status: 409, "zh-CN": "当前不在该环节", en: "The round is not at this stage" },
  "nomination.duplicate": { status: 409, "zh-CN": "该居民已被提名", en: "This resident is already nominated in this round" },
  "nomination.not_accepted": { status: 409, "zh-CN": "只能对公示中的提名提出异议", en: "Only nominations in publicity can be objected to" },
  "objection.decided": { status: 409, "zh-CN": "该异议已处理", en: "This objection has already been decided" },
  "card.not_active": { status: 409, "zh-CN": "优惠卡已停用", en: "This discount card is not active" },
  "card.expired": { status: 409, "zh-CN": "优惠卡不在有效期内", en: "This discount card is outside its validity" },
  "card.cap_reached": { status: 409, "zh-CN": "已超过本月优惠额度", en: "This card's monthly cap would be exceeded" },
  "card.qr_invalid": { status: 400, "zh-CN": "二维码无效", en: "This code is not valid" },
  "card.qr_expired": { status: 409, "zh-CN": "二维码已过期，请刷新后重试", en: "This code has expired; refresh it and try again" },
  "card.already_used": { status: 409, "zh-CN": "该二维码已使用", en: "This code has already been used" },
  "card.foreign": { status: 409, "zh-CN": "该卡不属于本服务站", en: "This card belongs to another station" },
  "card.wrong_pin": { status: 400, "zh-CN": "卡号或密码不正确", en: "Wrong card number or PIN" },
  "card.pin_locked": {
    status: 429,
    "zh-CN": "该卡密码错误次数过多，请 {minutes} 分钟后再试",
    en: "Too many wrong PINs for this card; try again in {minutes} min",
  },
  "shop.not_certified": { status: 409, "zh-CN": "本店不是认证的爱心店铺", en: "This shop is not a certified caring shop" },
  "shop.transition": { status: 409, "zh-CN": "爱心店铺当前状态不允许该操作", en: "The shop's status does not allow this step" },
  "shop.already_applied": { status: 409, "zh-CN": "该商户已申请爱心店铺", en: "This merchant has already applied" },
  ...counterErrors,
  ...dutyErrors,
  ...lendingErrors,
  "stall.in_use_problems": {
    status: 409,
    "zh-CN": "该摊位已有问题记录引用，不能删除",
    en: "Problems refer to this stall; it cannot be removed",
  },
  "stall.in_use_reweighs": {
    status: 409,
    "zh-CN": "该摊位已有公平秤复秤记录引用，不能删除",
    en: "Fair-scale reweighs refer to this stall; it cannot be removed",
  },
  "password.too_short": { status: 400, "zh-CN": "密码至少 10 个字符", en: "The password needs at least 10 characters" },
  "password.too_few_kinds": {
    status: 400,
    "zh-CN": "密码需包含大写字母、小写字母、数字、符号中的至少三类",
    en: "The password needs at least three of: upper-case letters, lower-case letters, digits, symbols",
  },
  "password.common": { status: 400, "zh-CN": "密码过于常见，请换一个", en: "This password is too common; choose another" },
  "password.contains_username": { status: 400, "zh-CN": "密码不能包含用户名", en: "The password must not contain the username" },
  "password.contains_phone": { status: 400, "zh-CN": "密码不能包含手机号", en: "The password must not contain the mobile number" },
  "password.reused": {
    status: 400,
    "zh-CN": "新密码不能与当前密码或最近 5 次用过的密码相同",
    en: "The new password must differ from the current one and the last five",
  },
  "record.in_use": {
    status: 409,
    "zh-CN": "该记录已被其他记录引用，不能删除",
    en: "Other records refer to this one; it cannot be removed",
  },
  ...volunteersErrors,
  ...eventsErrors,
  ...nightMarketErrors,
  ...economyErrors,
  ...interopErrors,
  ...figuresErrors,
  ...orgErrors,
  ...screenErrors,
  ...reportsErrors,
  internal: { status: 500, "zh-CN": "服务器内部错误", en: "Internal server error" },
  unavailable: { status: 503, "zh-CN": "服务暂不可用", en: "Service unavailable" },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;

export type ErrorId = keyof typeof errorCatalogue;

export interface FieldError {
  /** Dotted path of the field, e.g. `creditCode` or `rows.3.mobile`. */
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { id: ErrorId; message: string; fields?: FieldError[] };
}

/** Messages for the validation rules the contracts use; keys travel as zod issue messages. */
export const validationMessages = {
  "v.required": { "zh-CN": "必填", en: "Required" },
  "v.mobile": { "zh-CN": "请输入有效的 11 位手机号", en: "Enter a valid 11-digit mainland mobile number" },
  "v.id_number": {
    "zh-CN": "身份证号无效（18 位，校验码需正确）",
    en: "Invalid resident ID number (18 characters with a valid check digit)",
  },
  "v.credit_code": {
    "zh-CN": "统一社会信用代码无效（18 位，校验码需正确）",
    en: "Invalid unified social credit code (18 characters with a valid check character)",
  },
  "v.password_length": { "zh-CN": "密码至少 10 个字符", en: "The password needs at least 10 characters" },
  "v.password_common": { "zh-CN": "密码过于常见，请换一个", en: "This password is too common; choose another" },
  "v.password_phone": { "zh-CN": "密码不能包含手机号", en: "The password must not contain the mobile number" },
  "v.amount_offer": { "zh-CN": "资助金额应在 1 元至 100 万元之间", en: "The amount must be between 1 yuan and 1,000,000 yuan" },
  "v.amount_funding": {
    "zh-CN": "资金来源金额应在 1 元至 1000 万元之间",
    en: "A funding source's amount must be between 1 yuan and 10,000,000 yuan",
  },
  "v.amount_budget": { "zh-CN": "预算应在 0 元至 1000 万元之间", en: "The budget must be between 0 and 10,000,000 yuan" },
  "v.amount_cap": { "zh-CN": "每月优惠上限应在 1 元至 1 万元之间", en: "The monthly cap must be between 1 yuan and 10,000 yuan" },
  "v.amount_sale": { "zh-CN": "消费金额应在 0.01 元至 10 万元之间", en: "The bill must be between 0.01 yuan and 100,000 yuan" },
  "v.amount_fee": { "zh-CN": "收费应在 0 元至 100 万元之间", en: "The fee must be between 0 and 1,000,000 yuan" },
  "v.amount_takings": { "zh-CN": "营业额须为 0 至 1000 万元之间的整数分", en: "Takings are whole fen between 0 and 10,000,000 yuan" },
  "v.amount_unit_price": { "zh-CN": "单价应在 0.01 元至 10 万元之间", en: "The unit price must be between 0.01 yuan and 100,000 yuan" },
  "v.text_characters": {
    "zh-CN": "含有不允许的字符（空字符或残缺的 Unicode 字符）",
    en: "Contains characters that are not allowed (a NUL byte or a broken Unicode character)",
  },
  "v.password_classes": {
    "zh-CN": "密码需包含大写字母、小写字母、数字、符号中的至少三类",
    en: "The password needs at least three of: upper-case letters, lower-case letters, digits, symbols",
  },
  "v.password_username": { "zh-CN": "密码不能包含用户名", en: "The password must not contain the username" },
  "v.password_reused": {
    "zh-CN": "新密码不能与当前密码或最近 5 次用过的密码相同",
    en: "The new password must differ from the current one and the last five",
  },
  "v.date": { "zh-CN": "日期格式应为 YYYY-MM-DD", en: "Dates are written YYYY-MM-DD" },
  "v.date_order": { "zh-CN": "结束日期不能早于开始日期", en: "The end date cannot be before the start date" },
  "v.too_long": { "zh-CN": "内容过长", en: "Too long" },
  "v.too_short": { "zh-CN": "内容过短", en: "Too short" },
  "v.invalid_type": { "zh-CN": "类型不正确", en: "Wrong type" },
  "v.invalid_value": { "zh-CN": "取值无效", en: "Invalid value" },
  "v.unknown_field": { "zh-CN": "不允许的字段", en: "Unknown field" },
  "v.number_range": { "zh-CN": "数值超出范围", en: "Number out of range" },
  "v.username": {
    "zh-CN": "用户名为 3–32 位字母、数字、下划线或手机号",
    en: "Usernames are 3–32 letters, digits or underscores, or a mobile number",
  },
  ...economyValidation,
  ...figuresValidation,
  ...orgValidation,
  ...reportsValidation,
} as const;

export type ValidationKey = keyof typeof validationMessages;

// What the platform tells people (the in-app notification and its SMS copy), in both languages. A notice is
// written in its recipient's language (the account's `locale`, set by the language switch): the services name a
// text here and give its parameters; `server/platform/notify.ts` renders it per recipient. Parameters that are
// words rather than data (a category, a weekday) are given in both languages; free text a person typed (a reason,
// a resolution) is passed through `sentence()`, so a template's own full stop never doubles the writer's.

import { economyNotices } from "./notices-economy.ts";

export type NoticeLanguage = "zh-CN" | "en";
type Both = Record<NoticeLanguage, string>;

export interface NoticeText {
  title: Both;
  body: Both;
}

export const noticeCatalogue = {
  // Problems: the reporter hears about each step; the unit about an assignment; unit and staff about the end.
  "problem.submitted": {
    title: { "zh-CN": "问题已提交", en: "Report received" },
    body: {
      "zh-CN": "您反映的问题「{title}」已提交{station}，编号 {code}。服务站受理后会通知您。",
      en: "Your report “{title}” was received by {station} under number {code}. You will be told when it is accepted.",
    },
  },
  "problem.accepted": {
    title: { "zh-CN": "问题已受理", en: "Report accepted" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）已由{station}受理，正在安排办理。",
      en: "{station} has accepted your report “{title}” ({code}) and is arranging for it to be handled.",
    },
  },
  "problem.rejected": {
    title: { "zh-CN": "问题未予受理", en: "Report not accepted" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）未被{station}受理：{reason}。",
      en: "{station} did not accept your report “{title}” ({code}): {reason}.",
    },
  },
  "problem.assigned": {
    title: { "zh-CN": "问题已交办", en: "Report assigned" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）已交由{unit}办理，办结期限 {due}。",
      en: "Your report “{title}” ({code}) has been assigned to {unit}, to be resolved by {due}.",
    },
  },
  "problem.started": {
    title: { "zh-CN": "问题正在办理", en: "Report being handled" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）已由{unit}开始办理。",
      en: "{unit} has started handling your report “{title}” ({code}).",
    },
  },
  "problem.progress": {
    title: { "zh-CN": "问题办理进展", en: "Progress on your report" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）有新进展：{note}。",
      en: "News on your report “{title}” ({code}): {note}.",
    },
  },
  "problem.resolved": {
    title: { "zh-CN": "问题已办结，请评价", en: "Report resolved: please rate it" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）已办结：{note}。请确认并评价。",
      en: "Your report “{title}” ({code}) has been resolved: {note}. Please confirm and rate it.",
    },
  },
  "problem.confirmed_for_reporter": {
    title: { "zh-CN": "问题已确认办结", en: "Report closed" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）已由{station}代为确认办结，评分 {rating} 星。",
      en: "{station} confirmed your report “{title}” ({code}) as resolved on your behalf, rated {rating} stars.",
    },
  },
  "problem.reopened_for_reporter": {
    title: { "zh-CN": "问题已重新打开", en: "Report reopened" },
    body: {
      "zh-CN": "您反映的问题「{title}」（{code}）已重新打开：{note}。",
      en: "Your report “{title}” ({code}) has been reopened: {note}.",
    },
  },
  "problem.assigned_to_unit": {
    title: { "zh-CN": "新的交办问题", en: "New problem assigned to you" },
    body: {
      "zh-CN": "{station}将问题「{title}」（{code}）交由贵单位办理，办结期限 {due}。",
      en: "{station} has assigned the problem “{title}” ({code}) to your organisation, to be resolved by {due}.",
    },
  },
  "problem.confirmed": {
    title: { "zh-CN": "问题已确认办结", en: "Problem closed" },
    body: {
      "zh-CN": "{station}的问题「{title}」（{code}）已确认办结，评分 {rating} 星。",
      en: "The problem “{title}” ({code}) at {station} was confirmed as resolved, rated {rating} stars.",
    },
  },
  "problem.reopened": {
    title: { "zh-CN": "问题已重新打开", en: "Problem reopened" },
    body: {
      "zh-CN": "{station}的问题「{title}」（{code}）被重新打开：{note}。",
      en: "The problem “{title}” ({code}) at {station} was reopened: {note}.",
    },
  },
  "problem.overdue": {
    title: { "zh-CN": "问题已超期", en: "Problem overdue" },
    body: {
      "zh-CN": "{station}的问题「{title}」（{code}）已超过办结期限，将提交联席会议研究。",
      en: "The problem “{title}” ({code}) at {station} is past its due date and goes to the next joint meeting.",
    },
  },
  "problem.short_weight_submitted": {
    title: { "zh-CN": "短秤问题已提交", en: "Short-weight report received" },
    body: {
      "zh-CN": "您反映的短秤问题已提交{station}，编号 {code}。服务站受理后将联系商户处理退款。",
      en: "Your short-weight report was received by {station} under number {code}. Once it is accepted the station will ask the merchant to refund you.",
    },
  },
  // Lending and the fair scale.
  "loan.lent": {
    title: { "zh-CN": "便民物品借用登记", en: "Item lent to you" },
    body: {
      "zh-CN": "您在{station}借用了{item}（{code}），请于 {due} 前归还。",
      en: "You borrowed {item} ({code}) from {station}. Please return it by {due}.",
    },
  },
  "loan.overdue": {
    title: { "zh-CN": "借用物品已逾期", en: "Borrowed item overdue" },
    body: {
      "zh-CN": "您借用的{item}（{code}）应于 {due} 归还{station}，现已逾期，请尽快送还。",
      en: "The {item} ({code}) you borrowed was due back at {station} by {due}. Please return it soon.",
    },
  },
  "loan.overdue_list": {
    title: { "zh-CN": "便民物品逾期未还 {count} 件", en: "{count} lent items overdue" },
    body: {
      "zh-CN": "{lines}{more}。已提醒借用人，请跟进。",
      en: "{lines}{more}. The borrowers have been reminded; please follow up.",
    },
  },
  "reweigh.short": {
    title: { "zh-CN": "公平秤复秤发现短秤", en: "Short weight found at the fair scale" },
    body: {
      "zh-CN":
        "{station}公平秤复秤短秤：{stall}{goods}，标称 {claimed} 克，复秤 {actual} 克，短 {short} 克，多收 {overcharge}。此记录已计入商户档案，请校准计量器具、诚信经营。",
      en: "Re-weighed at the {station} fair scale: {stall}{goods}, sold as {claimed} g, weighed {actual} g, {short} g short, {overcharge} overcharged. This is on the merchant's record: please calibrate your scales.",
    },
  },
  // The counter.
  "service.checked_in": {
    title: { "zh-CN": "已取号", en: "Queue number taken" },
    body: {
      "zh-CN": "您在{station}办理的「{item}」已取号：第 {queueNo} 号，请留意窗口叫号。",
      en: "Your “{item}” at {station} has queue number {queueNo}. Please watch for it to be called.",
    },
  },
  "service.forwarded": {
    title: { "zh-CN": "办件已转办", en: "Request forwarded" },
    body: {
      "zh-CN": "您在{station}办理的「{item}」已转交{unit}办理，承诺 {due} 前办结。",
      en: "Your “{item}” at {station} has been forwarded to {unit}, to be completed by {due}.",
    },
  },
  "service.forwarded_to_unit": {
    title: { "zh-CN": "服务站转办事项", en: "Request forwarded to you" },
    body: {
      "zh-CN": "{station}转来「{item}」（申请人 {applicant}），请于 {due} 前办结。",
      en: "{station} has forwarded “{item}” (applicant {applicant}) to you. Please complete it by {due}.",
    },
  },
  "service.completed": {
    title: { "zh-CN": "办件已办结", en: "Request completed" },
    body: {
      "zh-CN": "您在{station}办理的「{item}」已办结，欢迎为本次服务评价（五心评价）。",
      en: "Your “{item}” at {station} is completed. Please rate the service (five hearts).",
    },
  },
  "service.cancelled": {
    title: { "zh-CN": "预约已取消", en: "Booking cancelled" },
    body: {
      "zh-CN": "您预约的「{item}」（{date}）已由{station}取消：{reason}。",
      en: "{station} cancelled your booking for “{item}” ({date}): {reason}.",
    },
  },
  "service.cancelled_no_reason": {
    title: { "zh-CN": "预约已取消", en: "Booking cancelled" },
    body: {
      "zh-CN": "您预约的「{item}」（{date}）已由{station}取消。",
      en: "{station} cancelled your booking for “{item}” ({date}).",
    },
  },
  // Caring.
  "card.issued": {
    title: { "zh-CN": "您获得了蒲公英爱心优惠卡", en: "You have a Dandelion caring card" },
    body: {
      "zh-CN": "{station}为您发放了优惠卡 {cardNo}，有效期 {from} 至 {to}。",
      en: "{station} has issued you caring card {cardNo}, valid from {from} to {to}.",
    },
  },
  "card.awarded": {
    title: { "zh-CN": "您获得了蒲公英爱心优惠卡", en: "You have a Dandelion caring card" },
    body: {
      "zh-CN": "恭喜您当选{station}{month}{category}，优惠卡 {cardNo} 有效期至 {to}。",
      en: "Congratulations on being named {category} for {month} at {station}. Your caring card {cardNo} is valid until {to}.",
    },
  },
  "meal.missed": {
    title: { "zh-CN": "爱心餐未送达", en: "Caring meal not delivered" },
    body: {
      "zh-CN": "{name} {date}（{weekday}）的爱心餐截至 {hour}:00 未确认送达，请及时联系核实。",
      en: "The caring meal for {name} on {weekday} {date} was not confirmed as delivered by {hour}:00. Please check.",
    },
  },
  // Party building.
  "party.development_due": {
    title: { "zh-CN": "发展党员步骤即将到期", en: "Party development step due soon" },
    body: {
      "zh-CN": "{name}：{step}，须于 {due} 前完成。",
      en: "{name}: “{step}” must be done by {due}.",
    },
  },
  "party.meeting_missing": {
    title: { "zh-CN": "组织生活待召开", en: "A required branch meeting is not held yet" },
    body: {
      "zh-CN": "{branch}本期（{period}）尚未召开{kind}，本期于 {end} 结束。依据：{rule}",
      en: "{branch} has not held its {kind} for {period}; the period ends on {end}. ({rule})",
    },
  },
  "party.development_overdue": {
    title: { "zh-CN": "发展党员步骤已超期", en: "Party development step overdue" },
    body: {
      "zh-CN": "{name}：{step}，已于 {due} 到期。",
      en: "{name}: “{step}” was due on {due}.",
    },
  },
  // Duty: the Red Shield post.
  "redshield.session_cancelled": {
    title: { "zh-CN": "红盾驿站场次取消", en: "Red Shield session cancelled" },
    body: {
      "zh-CN": "您预约的 {date} {slot} {station}红盾先锋驿站咨询已取消：{reason}。可在“红盾驿站”预约其他场次。",
      en: "Your Red Shield consultation at {station} on {date} at {slot} is cancelled: {reason}. You can book another session under “Red Shield”.",
    },
  },
  // The volunteer service.
  "volunteer.occurrence_cancelled": {
    title: { "zh-CN": "志愿活动已取消", en: "Volunteer activity cancelled" },
    body: {
      "zh-CN": "您报名的「{title}」（{date} {time}，{place}）已取消：{reason}。",
      en: "“{title}” ({date} {time}, {place}), which you signed up for, is cancelled: {reason}.",
    },
  },
  "volunteer.confirm_attendance": {
    title: { "zh-CN": "请确认明天的志愿活动", en: "Please confirm tomorrow's activity" },
    body: {
      "zh-CN": "您报名了 {date} {time} 在{place}的「{title}」，请在“志愿服务”中确认能按时参加；不能参加请及时取消报名。",
      en: "You signed up for “{title}” on {date} at {time} at {place}. Please confirm under “Volunteering” that you will come, or withdraw in time.",
    },
  },
  "volunteer.assigned": {
    title: { "zh-CN": "您被安排参加志愿活动", en: "You are assigned to an activity" },
    body: {
      "zh-CN": "{by}安排您参加 {date} {time} 在{place}的「{title}」。",
      en: "{by} has assigned you to “{title}” on {date} at {time} at {place}.",
    },
  },
  "volunteer.substituted": {
    title: { "zh-CN": "志愿活动已换人", en: "You were replaced for an activity" },
    body: {
      "zh-CN": "{by}已安排他人替换您参加 {date} 的「{title}」，您的报名已撤销。",
      en: "{by} has replaced you for “{title}” on {date}; your sign-up is withdrawn.",
    },
  },
  "volunteer.served_to_confirm": {
    title: { "zh-CN": "请确认志愿服务", en: "Please confirm a volunteer service" },
    body: {
      "zh-CN": "{team}在「{title}」（{date}）为您提供了{service}（{count} 次），请在“我的志愿服务”中确认。",
      en: "{team} provided you with {service} ({count}) at “{title}” on {date}. Please confirm it under “Services received”.",
    },
  },
  ...economyNotices,
} as const satisfies Record<string, NoticeText>;

export type NoticeId = keyof typeof noticeCatalogue;

/** A parameter: data (the same in both languages) or a word given in each. */
export type NoticeParam = string | number | Both;
export type NoticeParams = Record<string, NoticeParam>;

/** The account's language as a notice reads it: anything but English is Chinese. */
export const noticeLanguage = (locale: string | null | undefined): NoticeLanguage => (locale === "en" ? "en" : "zh-CN");

const fill = (template: string, params: NoticeParams, language: NoticeLanguage) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? value[language] : String(value);
  });

/** One notice in one language. */
export function renderNotice(id: NoticeId, params: NoticeParams, language: NoticeLanguage): { title: string; body: string } {
  const text: NoticeText = noticeCatalogue[id];
  return { title: fill(text.title[language], params, language), body: fill(text.body[language], params, language) };
}

/** Free text put inside a sentence: trimmed, without the closing punctuation the template adds itself. */
export function sentence(text: string | null | undefined): string {
  return (text ?? "").trim().replace(/[。．.！!？?；;，,、：:\s]+$/u, "");
}

/** The weekday of a station date (1 = Monday … 7 = Sunday), in both languages. */
export function weekdayWords(isoWeekday: number): Both {
  return {
    "zh-CN": `周${"一二三四五六日"[isoWeekday - 1]}`,
    en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][isoWeekday - 1] ?? "",
  };
}

/**
 * The kinds of notification that are not a notice's own id: a problem's step told to its reporter (or to the unit and
 * staff) and a counter request's step told to its applicant. Every kind is one of these or a notice id (`NoticeKind`),
 * so the station's SMS settings and its messages log can name each kind in words.
 */
const stepKinds = {
  "problem.accept": { "zh-CN": "问题受理", en: "Report accepted" },
  "problem.reject": { "zh-CN": "问题不予受理", en: "Report not accepted" },
  "problem.assign": { "zh-CN": "问题交办", en: "Report assigned" },
  "problem.start": { "zh-CN": "问题开始办理", en: "Report being handled" },
  "problem.note": { "zh-CN": "问题办理进展", en: "Progress on a report" },
  "problem.resolve": { "zh-CN": "问题办结", en: "Report resolved" },
  "problem.confirm": { "zh-CN": "办结确认", en: "Resolution confirmed" },
  "problem.reopen": { "zh-CN": "问题重新办理", en: "Report reopened" },
  "service.booked": { "zh-CN": "办事已预约", en: "Service booked" },
  "service.walked_in": { "zh-CN": "现场取号", en: "Walk-in number taken" },
  "service.checked_in": { "zh-CN": "办事签到取号", en: "Checked in at the counter" },
  "service.started": { "zh-CN": "办事开始办理", en: "Service being handled" },
  "service.forwarded": { "zh-CN": "办事转办", en: "Service forwarded" },
  "service.done": { "zh-CN": "办事办结", en: "Service completed" },
  "service.cancelled": { "zh-CN": "办事已取消", en: "Service cancelled" },
  "service.missed": { "zh-CN": "预约未到", en: "Booking missed" },
  "service.rated": { "zh-CN": "办事评价", en: "Service rated" },
} as const satisfies Record<string, Both>;

/** A notification's kind: a notice's id, or a step's kind told with one of several notices. */
export type NoticeKind = NoticeId | keyof typeof stepKinds;

/** The kind in words (the notice's title for a notice's own kind); an unknown kind as it is. */
export function noticeKindLabel(kind: string, language: NoticeLanguage): string {
  const step = (stepKinds as Record<string, Both>)[kind];
  if (step) return step[language];
  const notice = (noticeCatalogue as Record<string, NoticeText>)[kind];
  return notice ? notice.title[language] : kind;
}

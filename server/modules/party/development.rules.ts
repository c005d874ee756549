// The rules of Party member development as data: each rule with its source and bilingual text, and the
// twenty-five steps with who performs them and what record they need. The time limits between steps are in
// development.time-limits.ts; checking a step against all of them is development.evaluate.ts.
//
// Source: 《中国共产党发展党员工作细则》 (中共中央办公厅 2014年6月印发), cited as 《细则》 with chapter and article.
// Article numbers are given as we know the 2014 text; where a number is in doubt the chapter named beside it
// is the authority. Rules the 《细则》 leaves open (e.g. how "每半年考察一次" is counted) are decided here and
// documented beside the rule, so the branch, the higher committee and the code read the same thing.
import type { CaseStatus, DevelopmentStage, DevelopmentStep } from "../../../contracts/party.ts";

export type Text = { "zh-CN": string; en: string };

export const ruleIds = [
  "order.sequence",
  "order.already_recorded",
  "order.closed",
  "date.not_future",
  "date.not_before_previous",
  "application.age",
  "talk.one_month",
  "contacts.two_full_members",
  "review.half_year",
  "candidate.one_year",
  "candidate.two_reviews",
  "candidate.review_current",
  "introducers.two_full_members",
  "political_review.conclusion",
  "publicity.until",
  "vote.counts",
  "vote.majority",
  "vote.outcome",
  "branch_vote.after_publicity",
  "higher_approval.three_months",
  "conversion_vote.probation_served",
  "conversion_approval.three_months",
  "extension.once",
  "extension.months",
  "extension.while_probationary",
] as const;
export type RuleId = (typeof ruleIds)[number];

/** Each rule with its source, as the refusal names it. */
export const rules: Record<RuleId, { source: string; text: Text }> = {
  "order.sequence": {
    source: "《细则》五个阶段二十五个步骤，依次进行（第一条、第四条：坚持标准、严格程序）",
    text: { "zh-CN": "发展党员须按程序逐步进行，不得跳过步骤", en: "Steps are taken in order; none may be skipped" },
  },
  "order.already_recorded": {
    source: "《细则》二十五个步骤各记录一次（考察可每半年多次）",
    text: { "zh-CN": "该步骤已记录", en: "This step is already recorded" },
  },
  "order.closed": {
    source: "《细则》第六章：转正完成、取消资格或终止培养后不再记录步骤",
    text: { "zh-CN": "该发展对象的发展程序已结束", en: "This case is closed" },
  },
  "date.not_future": {
    source: "记录已发生的事实",
    text: { "zh-CN": "日期不能晚于今天", en: "The date cannot be in the future" },
  },
  "date.not_before_previous": {
    source: "《细则》程序依次进行",
    text: { "zh-CN": "日期不能早于上一步骤的日期", en: "The date cannot be before the previous step's" },
  },
  "application.age": {
    source: "《细则》第二章 入党申请 第五条：年满十八岁",
    text: { "zh-CN": "申请入党须年满十八周岁", en: "An applicant must be at least 18 years old" },
  },
  "talk.one_month": {
    source: "《细则》第二章 入党申请 第八条：党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话",
    text: { "zh-CN": "须在收到入党申请书后一个月内派人谈话", en: "The talk must take place within one month of the application" },
  },
  "contacts.two_full_members": {
    source: "《细则》第三章 入党积极分子的确定和培养教育 第十条：指定正式党员作培养联系人（本站按两名执行）",
    text: {
      "zh-CN": "须指定两名本支部（或上级总支部）的正式党员作培养联系人",
      en: "Two full members of the branch (or its general branch) must be named as contacts",
    },
  },
  "review.half_year": {
    source: "《细则》第三章 第十三条：党支部每半年对入党积极分子进行一次考察",
    text: {
      "zh-CN": "考察须每半年一次：距上次考察（或确定为积极分子）不得超过六个月",
      en: "Reviews are half-yearly: at most six months after the previous review (or the recommendation)",
    },
  },
  "candidate.one_year": {
    source: "《细则》第四章 发展对象的确定和考察 第十五条：经过一年以上培养教育和考察",
    text: {
      "zh-CN": "确定为发展对象须在确定为入党积极分子一年以后",
      en: "A candidate is determined no sooner than one year after becoming an activist",
    },
  },
  "candidate.two_reviews": {
    source: "《细则》第三章 第十三条（每半年考察一次）与第四章 第十五条（一年以上）",
    text: {
      "zh-CN": "确定为发展对象前须有至少两次半年考察记录",
      en: "At least two half-yearly reviews are needed before determining a candidate",
    },
  },
  "candidate.review_current": {
    source: "《细则》第三章 第十三条：每半年考察一次",
    text: {
      "zh-CN": "最近一次考察已超过六个月，须先进行考察",
      en: "The last review is more than six months old; review first",
    },
  },
  "introducers.two_full_members": {
    source: "《细则》第四章 第十六条：发展对象应当有两名正式党员作入党介绍人",
    text: { "zh-CN": "须有两名正式党员作入党介绍人", en: "Two full members must be the introducers" },
  },
  "political_review.conclusion": {
    source: "《细则》第四章 第十八条：政治审查，形成结论性材料",
    text: { "zh-CN": "政治审查须写明结论", en: "The political review needs its conclusion" },
  },
  "publicity.until": {
    source: "《细则》第五章 预备党员的接收 第二十二条：对发展对象进行公示",
    text: {
      "zh-CN": "公示须写明公示截止日期，且不早于公示开始日期",
      en: "Publicity needs its end date, not before its start",
    },
  },
  "vote.counts": {
    source: "《细则》第五章 第二十四条：支部大会表决，应到会有表决权的正式党员",
    text: {
      "zh-CN": "表决人数有误：到会人数不能超过应到会人数，赞成、反对、弃权之和不能超过到会人数",
      en: "Vote counts are inconsistent: present ≤ entitled and in favour + against + abstaining ≤ present",
    },
  },
  "vote.majority": {
    source: "《细则》第五章 第二十四条：赞成人数超过应到会有表决权的正式党员的半数，才能通过",
    text: {
      "zh-CN": "赞成人数须超过应到会有表决权的正式党员的半数，未达到不能记为通过",
      en: "More than half of the members entitled to vote must be in favour; fewer cannot be recorded as passed",
    },
  },
  "vote.outcome": {
    source: "《细则》第五章 第二十四条",
    text: {
      "zh-CN": "赞成人数已超过半数，不能记为未通过",
      en: "More than half are in favour; the vote cannot be recorded as failed",
    },
  },
  "branch_vote.after_publicity": {
    source: "《细则》第五章 第二十二条：公示后方可提交支部大会讨论",
    text: { "zh-CN": "支部大会须在公示期结束后召开", en: "The branch meeting votes only after the publicity has ended" },
  },
  "higher_approval.three_months": {
    source: "《细则》第五章 第二十八条：上级党委应当在三个月内审批",
    text: {
      "zh-CN": "上级党委须在支部大会通过后三个月内审批",
      en: "The higher committee approves within three months of the branch meeting",
    },
  },
  "conversion_vote.probation_served": {
    source: "《细则》第六章 预备党员的教育考察和转正 第三十一条：预备期为一年，从支部大会通过之日算起；第三十四条（延长预备期）",
    text: {
      "zh-CN": "预备期（含延长期）未满，不能讨论转正",
      en: "The probation (with any extension) has not ended; conversion cannot be discussed yet",
    },
  },
  "conversion_approval.three_months": {
    source: "《细则》第六章 第三十四条：预备期满应及时讨论转正，上级党委三个月内审批",
    text: {
      "zh-CN": "转正须在预备期满后三个月内审批",
      en: "The conversion is approved within three months of the probation's end",
    },
  },
  "extension.once": {
    source: "《细则》第六章 第三十四条：延长预备期只能一次",
    text: { "zh-CN": "预备期只能延长一次", en: "The probation can be extended only once" },
  },
  "extension.months": {
    source: "《细则》第六章 第三十四条：延长时间不能少于半年，最长不超过一年",
    text: { "zh-CN": "延长预备期须为六至十二个月", en: "An extension is 6 to 12 months" },
  },
  "extension.while_probationary": {
    source: "《细则》第六章 第三十四条：预备期满时决定延长，转正讨论前",
    text: {
      "zh-CN": "只能对预备党员在转正讨论前、预备期满后三个月内延长预备期",
      en: "Only a probationary member, before the conversion vote and within three months of the probation's end, can be extended",
    },
  },
};

export interface StepDefinition {
  /** The stage (chapter of the 《细则》) the step belongs to. */
  stage: DevelopmentStage;
  /** Who performs it. */
  performer: string;
  /** What record it needs. */
  record: string;
  source: string;
  /** May be recorded more than once (the half-yearly reviews). */
  repeatable?: boolean;
}

/** Each step's name in English, for English readers' reminders (the console says the same). */
export const stepNamesEn: Record<DevelopmentStep, string> = {
  application: "Written application",
  talk: "Talk with the applicant",
  activist_recommendation: "Activist recommended and confirmed",
  activist_filing: "Activist filed with the higher committee",
  contacts_assigned: "Two contacts assigned",
  activist_review: "Training and review",
  candidate_determined: "Candidate determined",
  candidate_filing: "Candidate filed with the higher committee",
  introducers_assigned: "Two introducers assigned",
  political_review: "Political review",
  concentrated_training: "Concentrated training",
  committee_review: "Branch committee review",
  higher_pre_review: "Higher committee pre-review",
  application_form: "Application form completed",
  publicity: "Publicity",
  branch_vote: "Branch meeting vote on admission",
  higher_talk: "Talk by the higher committee",
  higher_approval: "Higher committee approval",
  approval_filing: "Approval filed",
  oath: "Oath",
  probation_education: "Education during probation",
  conversion_application: "Application for full membership",
  conversion_vote: "Branch meeting vote on conversion",
  conversion_approval: "Higher committee approval of conversion",
  archived: "Records archived",
};

export const stepDefinitions: Record<DevelopmentStep, StepDefinition> = {
  application: { stage: "applicant", performer: "入党申请人", record: "入党申请书（日期、年满18周岁）", source: "《细则》第五条、第六条" },
  talk: { stage: "applicant", performer: "党组织派人（支部委员）", record: "谈话记录", source: "《细则》第八条" },
  activist_recommendation: {
    stage: "activist",
    performer: "党员推荐、群团组织推优，支部委员会研究决定",
    record: "推荐及支委会决定",
    source: "《细则》第九条",
  },
  activist_filing: { stage: "activist", performer: "支部委员会报上级党委", record: "备案", source: "《细则》第九条" },
  contacts_assigned: {
    stage: "activist",
    performer: "支部委员会",
    record: "两名正式党员培养联系人（memberIds）",
    source: "《细则》第十条",
  },
  activist_review: {
    stage: "activist",
    performer: "党支部",
    record: "半年考察记录（每半年一次，可多次）",
    source: "《细则》第十一条至第十三条",
    repeatable: true,
  },
  candidate_determined: {
    stage: "candidate",
    performer: "支部委员会讨论同意（听取党小组、培养联系人、党员和群众意见）",
    record: "支委会决定",
    source: "《细则》第十五条",
  },
  candidate_filing: { stage: "candidate", performer: "支部委员会报上级党委", record: "备案", source: "《细则》第十五条" },
  introducers_assigned: {
    stage: "candidate",
    performer: "支部委员会",
    record: "两名正式党员入党介绍人（memberIds）",
    source: "《细则》第十六条、第十七条",
  },
  political_review: {
    stage: "candidate",
    performer: "党支部（上级党委组织部门）",
    record: "政治审查结论（conclusion）",
    source: "《细则》第十八条、第十九条",
  },
  concentrated_training: {
    stage: "candidate",
    performer: "基层党委或县级党委组织部门",
    record: "集中培训（不少于三天或24学时）",
    source: "《细则》第二十条",
  },
  committee_review: { stage: "probationary", performer: "支部委员会", record: "审查意见", source: "《细则》第二十一条" },
  higher_pre_review: { stage: "probationary", performer: "上级党委", record: "预审意见", source: "《细则》第二十二条" },
  application_form: { stage: "probationary", performer: "发展对象（入党介绍人指导）", record: "入党志愿书", source: "《细则》第二十三条" },
  publicity: {
    stage: "probationary",
    performer: "党支部",
    record: "公示（开始日期与截止日期 publicityUntil）",
    source: "《细则》第二十二条",
  },
  branch_vote: {
    stage: "probationary",
    performer: "支部大会",
    record: "表决（应到、实到、赞成、反对、弃权）",
    source: "《细则》第二十四条、第二十五条",
  },
  higher_talk: { stage: "probationary", performer: "上级党委派人", record: "谈话记录", source: "《细则》第二十七条" },
  higher_approval: { stage: "probationary", performer: "上级党委", record: "审批决定（三个月内）", source: "《细则》第二十八条" },
  approval_filing: { stage: "full", performer: "上级党委组织部门", record: "备案", source: "《细则》第二十九条" },
  oath: { stage: "full", performer: "上级党委（或党支部）组织", record: "入党宣誓", source: "《细则》第三十条" },
  probation_education: { stage: "full", performer: "党支部", record: "继续教育考察", source: "《细则》第三十一条、第三十二条" },
  conversion_application: { stage: "full", performer: "预备党员", record: "书面转正申请", source: "《细则》第三十三条" },
  conversion_vote: {
    stage: "full",
    performer: "支部大会",
    record: "转正表决（应到、实到、赞成、反对、弃权）",
    source: "《细则》第三十三条、第三十四条",
  },
  conversion_approval: { stage: "full", performer: "上级党委", record: "转正审批（三个月内）", source: "《细则》第三十四条" },
  archived: { stage: "full", performer: "党支部、上级党委组织部门", record: "入党材料归档", source: "《细则》第三十六条" },
};

export interface Vote {
  entitled: number;
  present: number;
  inFavour: number;
  against: number;
  abstain: number;
}

export interface StepDetails {
  memberIds?: number[];
  vote?: Vote;
  conclusion?: string | null;
  publicityUntil?: string;
  /** For votes: whether the vote passed (a failed vote ends the case). */
  passed?: boolean;
}

/** A step on file (or about to be): its date is a calendar date (YYYY-MM-DD) at the station. */
export interface RecordedStep extends StepDetails {
  step: DevelopmentStep;
  on: string;
}

export type NewStep = RecordedStep;

export interface CaseFacts {
  birthDate: string;
  status: CaseStatus;
  extensionMonths: number | null;
}

// Checking member development: pure functions over a case's recorded steps. evaluate() decides whether the next
// step may be recorded (its order, its date, its record and its time limits, development.time-limits.ts);
// nextStep() says what comes next and between which dates, from the same table.
import { addMonths } from "../../../contracts/calendar.ts";
import { type DevelopmentStage, type DevelopmentStep, developmentSteps } from "../../../contracts/party.ts";
import {
  type CaseFacts,
  type NewStep,
  type RecordedStep,
  type RuleId,
  rules,
  stepDefinitions,
  type Text,
  type Vote,
} from "./development.rules.ts";
import { all, baseProbationEnd, first, later, sorted, windowOf } from "./development.time-limits.ts";

export interface RuleContext {
  today: string;
  /** Full members who may be contacts or introducers: id → the date they became full (null: long since). */
  fullMembers?: ReadonlyMap<number, string | null>;
}

export type RefusalKind = "rule" | "out_of_order" | "already_recorded" | "closed";

export interface Refusal {
  kind: RefusalKind;
  rule: RuleId;
  source: string;
  field: string;
  message: Text;
}

export type Verdict = { ok: true } | ({ ok: false } & Refusal);

function refuse(rule: RuleId, field: string, detail?: Text, kind: RefusalKind = "rule"): Verdict {
  const r = rules[rule];
  const message = detail ? { "zh-CN": `${r.text["zh-CN"]}（${detail["zh-CN"]}）`, en: `${r.text.en} (${detail.en})` } : r.text;
  return { ok: false, kind, rule, source: r.source, field, message };
}

const ok: Verdict = { ok: true };

const indexOf = (step: DevelopmentStep) => developmentSteps.indexOf(step);

/** The last recorded step in the pipeline's order (ignoring repeats). */
function furthest(steps: readonly RecordedStep[]): number {
  return steps.reduce((max, s) => Math.max(max, indexOf(s.step)), -1);
}

/** The stage a person is in, from the steps recorded. */
export function stageOf(steps: readonly RecordedStep[]): DevelopmentStage {
  const has = (s: DevelopmentStep) => steps.some((r) => r.step === s);
  if (has("conversion_approval")) return "full";
  if (has("higher_approval")) return "probationary";
  if (has("candidate_determined")) return "candidate";
  if (has("activist_recommendation")) return "activist";
  return "applicant";
}

/** A vote's outcome as declared in its conclusion: "未通过" / "not passed" declares a failed vote. */
export function declaredFailed(conclusion: string | null | undefined): boolean {
  return !!conclusion && /^(未通过|不通过|not passed|failed|rejected)/i.test(conclusion.trim());
}

/** Whether the case is still open for steps; `field` is the one a refusal names. */
export function openCase(c: CaseFacts, field: string): Verdict {
  return c.status === "active" ? ok : refuse("order.closed", field, undefined, "closed");
}

function checkVote(vote: Vote | undefined, conclusion: string | null | undefined): Verdict {
  if (!vote) return refuse("vote.counts", "vote", { "zh-CN": "须填写表决情况", en: "the vote is required" });
  if (vote.present > vote.entitled) return refuse("vote.counts", "vote.present");
  if (vote.inFavour + vote.against + vote.abstain > vote.present) return refuse("vote.counts", "vote.inFavour");
  const majority = vote.inFavour * 2 > vote.entitled;
  const failed = declaredFailed(conclusion);
  if (!failed && !majority) {
    return refuse("vote.majority", "vote.inFavour", {
      "zh-CN": `应到 ${vote.entitled} 人，赞成须至少 ${Math.floor(vote.entitled / 2) + 1} 人，实际 ${vote.inFavour} 人`,
      en: `${vote.entitled} entitled: at least ${Math.floor(vote.entitled / 2) + 1} must be in favour, ${vote.inFavour} were`,
    });
  }
  if (failed && majority) return refuse("vote.outcome", "conclusion");
  return ok;
}

function checkTwoMembers(
  rule: "contacts.two_full_members" | "introducers.two_full_members",
  ids: number[] | undefined,
  on: string,
  ctx: RuleContext,
): Verdict {
  const distinct = [...new Set(ids ?? [])];
  if (distinct.length !== 2) return refuse(rule, "memberIds");
  for (const id of distinct) {
    if (!ctx.fullMembers?.has(id))
      return refuse(rule, "memberIds", { "zh-CN": `党员 ${id} 不是正式党员`, en: `member ${id} is not a full member` });
    const since = ctx.fullMembers.get(id);
    if (since && since > on) {
      return refuse(rule, "memberIds", {
        "zh-CN": `党员 ${id} 于 ${since} 才转为正式党员`,
        en: `member ${id} became full only on ${since}`,
      });
    }
  }
  return ok;
}

const limit = (kind: "最早" | "最迟", date: string): Text => ({
  "zh-CN": `${kind} ${date}`,
  en: `${kind === "最早" ? "earliest" : "latest"} ${date}`,
});

/** What a step's record needs besides its dates: the contacts, introducers, conclusion, publicity or vote. */
function checkRecord(steps: readonly RecordedStep[], next: NewStep, ctx: RuleContext): Verdict {
  switch (next.step) {
    case "contacts_assigned":
      return checkTwoMembers("contacts.two_full_members", next.memberIds, next.on, ctx);
    case "candidate_determined":
      return all(steps, "activist_review").length < 2 ? refuse("candidate.two_reviews", "step") : ok;
    case "introducers_assigned":
      return checkTwoMembers("introducers.two_full_members", next.memberIds, next.on, ctx);
    case "political_review":
      return next.conclusion ? ok : refuse("political_review.conclusion", "conclusion");
    case "publicity":
      return !next.publicityUntil || next.publicityUntil < next.on ? refuse("publicity.until", "publicityUntil") : ok;
    case "branch_vote":
    case "conversion_vote":
      return checkVote(next.vote, next.conclusion);
    default:
      return ok;
  }
}

/**
 * Whether `next` may be recorded after `steps` (the case's recorded steps): its order, its date, its earliest
 * date, its record and its latest date. The first rule broken is named.
 */
export function evaluate(c: CaseFacts, stepsIn: readonly RecordedStep[], next: NewStep, ctx: RuleContext): Verdict {
  const steps = sorted(stepsIn);
  const open = openCase(c, "step");
  if (!open.ok) return open;

  // Order: the next step in the list, or another half-yearly review while the activist is being reviewed.
  const at = furthest(steps);
  const want = indexOf(next.step);
  const repeating = stepDefinitions[next.step].repeatable && at === want;
  if (!repeating) {
    if (steps.some((s) => s.step === next.step)) return refuse("order.already_recorded", "step", undefined, "already_recorded");
    if (want !== at + 1) {
      const missing = developmentSteps[at + 1];
      return refuse("order.sequence", "step", { "zh-CN": `下一步应为 ${missing}`, en: `the next step is ${missing}` }, "out_of_order");
    }
  }

  // Dates: not in the future, not before the previous step.
  if (next.on > ctx.today) return refuse("date.not_future", "on");
  const previous = steps.at(-1);
  if (previous && next.on < previous.on) return refuse("date.not_before_previous", "on", limit("最早", previous.on));

  const window = windowOf(next.step, c, steps);
  if (window?.earliest && next.on < window.earliest.date) {
    return refuse(window.earliest.rule, window.earliest.field, limit("最早", window.earliest.date));
  }
  const record = checkRecord(steps, next, ctx);
  if (!record.ok) return record;
  if (window?.latest && next.on > window.latest.date) {
    return refuse(window.latest.rule, window.latest.field, limit("最迟", window.latest.date));
  }
  return ok;
}

/**
 * Extending the probation (第三十四条): once, 6–12 months, for a probationary member before the conversion
 * vote, decided no later than three months after the original probation's end.
 */
export function evaluateExtension(c: CaseFacts, steps: readonly RecordedStep[], months: number, date: string, today: string): Verdict {
  const open = openCase(c, "on");
  if (!open.ok) return open;
  if (c.extensionMonths) return refuse("extension.once", "months", undefined, "already_recorded");
  if (!Number.isInteger(months) || months < 6 || months > 12) return refuse("extension.months", "months");
  if (date > today) return refuse("date.not_future", "on");
  const base = baseProbationEnd(steps);
  if (!first(steps, "higher_approval") || !base || first(steps, "conversion_vote")) return refuse("extension.while_probationary", "on");
  const vote = first(steps, "branch_vote")?.on as string;
  const due = addMonths(base, 3);
  if (date < vote || date > due) return refuse("extension.while_probationary", "on", limit("最迟", due));
  return ok;
}

export interface NextStep {
  step: DevelopmentStep;
  earliest: string | null;
  due: string | null;
  overdue: boolean;
  rule: RuleId | null;
}

/** What comes next for a case, with its earliest and latest dates per the rules and whether it is overdue. */
export function nextStep(c: CaseFacts, stepsIn: readonly RecordedStep[], today: string): NextStep | null {
  if (c.status !== "active") return null;
  const steps = sorted(stepsIn);
  const at = furthest(steps);
  if (at === developmentSteps.length - 1) return null;
  let step = developmentSteps[at + 1];
  // Reviewing: another review until a year has passed and two reviews are on file, while the last is current.
  if (step === "candidate_determined") {
    const candidate = windowOf(step, c, steps);
    const ready =
      all(steps, "activist_review").length >= 2 &&
      today >= (candidate?.earliest?.date as string) &&
      today <= (candidate?.latest?.date as string);
    if (!ready) step = "activist_review";
  }
  // Never before the previous step's date, nor before the step's own earliest date.
  const previousOn = steps.at(-1)?.on ?? null;
  const window = windowOf(step, c, steps);
  const from = window?.earliest?.date ?? null;
  const due = window?.latest?.date ?? null;
  return {
    step,
    earliest: from && previousOn ? later(from, previousOn) : (from ?? previousOn),
    due,
    overdue: due !== null && today > due,
    rule: window?.shown ?? null,
  };
}

/** The case's status after a step: a failed vote stops it, the archiving completes it. */
export function statusAfter(step: NewStep): CaseFacts["status"] {
  if ((step.step === "branch_vote" || step.step === "conversion_vote") && declaredFailed(step.conclusion)) return "stopped";
  if (step.step === "archived") return "completed";
  return "active";
}

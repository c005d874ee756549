// The time limits of member development, once: for each step with a limit, the earliest and latest dates it may
// be recorded on, computed from the case's earlier steps, each with the rule that sets it. The refusal
// (evaluate) and the dates the branch is shown for the next step (nextStep) both read this table.
//
// Dates are calendar dates (YYYY-MM-DD, the station's local date). "Within N months of D" means on or before
// D + N calendar months (the same day of the month, or the month's last day when it has fewer days):
// exactly N months is in time, a day later is not.
import { addDays, addMonths, addYears } from "../../../contracts/calendar.ts";
import type { DevelopmentStep } from "../../../contracts/party.ts";
import type { CaseFacts, RecordedStep, RuleId } from "./development.rules.ts";

/** A date a step may not come before (earliest) or after (latest), the rule that sets it and the field it is about. */
export interface Limit {
  date: string;
  rule: RuleId;
  field: "on" | "birthDate";
}

export interface StepWindow {
  earliest?: Limit;
  latest?: Limit;
  /** The rule the branch is shown beside the step when it comes next. */
  shown: RuleId;
}

export const later = (a: string, b: string) => (a > b ? a : b);

/** The steps in recorded order (by date, then as recorded). */
export function sorted(steps: readonly RecordedStep[]): RecordedStep[] {
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.on === b.s.on ? a.i - b.i : a.s.on < b.s.on ? -1 : 1))
    .map((x) => x.s);
}

export const first = (steps: readonly RecordedStep[], step: DevelopmentStep) => steps.find((s) => s.step === step);
export const all = (steps: readonly RecordedStep[], step: DevelopmentStep) => steps.filter((s) => s.step === step);

/** The date of an earlier step the limit counts from (the order rules guarantee it is on file). */
const dateOf = (steps: readonly RecordedStep[], step: DevelopmentStep) => first(steps, step)?.on as string;

/** The date the original one-year probation ends (before any extension): a year from the accepting branch meeting. */
export function baseProbationEnd(steps: readonly RecordedStep[]): string | null {
  const vote = first(steps, "branch_vote");
  return vote ? addYears(vote.on, 1) : null;
}

/** The probation's end: one year from the branch meeting that accepted, plus any extension (第三十一条、第三十四条). */
export function probationEnd(steps: readonly RecordedStep[], extensionMonths: number | null): string | null {
  const base = baseProbationEnd(steps);
  if (!base || !first(steps, "higher_approval")) return null;
  return addMonths(base, extensionMonths ?? 0);
}

/** The latest review (or the recommendation, before any review): the half-yearly clock starts there. */
export function lastReviewAnchor(steps: readonly RecordedStep[]): string | null {
  const reviews = all(steps, "activist_review");
  if (reviews.length > 0) return reviews.reduce((m, r) => later(m, r.on), reviews[0].on);
  return first(steps, "activist_recommendation")?.on ?? null;
}

const earliest = (date: string, rule: RuleId, field: Limit["field"] = "on"): Limit => ({ date, rule, field });
const latest = earliest;
const shownBy = (w: Omit<StepWindow, "shown">): StepWindow => ({ ...w, shown: (w.earliest ?? w.latest)?.rule as RuleId });

// Decided here: each review falls within six months of the previous one (the first within six months of the
// activist's recommendation), so a year of reviewing holds at least two reviews.
const reviewDue = (steps: readonly RecordedStep[]) => addMonths(lastReviewAnchor(steps) as string, 6);

/** The higher committee approves within three months of the branch meeting; its talk comes before, so by then too. */
const byHigherApproval = (_c: CaseFacts, steps: readonly RecordedStep[]) =>
  shownBy({ latest: latest(addMonths(dateOf(steps, "branch_vote"), 3), "higher_approval.three_months") });

/** The conversion is approved within three months of the probation's end; the application and vote come before. */
const conversionDue = (c: CaseFacts, steps: readonly RecordedStep[]) =>
  latest(addMonths(probationEnd(steps, c.extensionMonths) as string, 3), "conversion_approval.three_months");

/** Each step with a time limit: its window, from the case's facts and the steps recorded before it. */
export const timeLimits: Partial<Record<DevelopmentStep, (c: CaseFacts, steps: readonly RecordedStep[]) => StepWindow>> = {
  // 第五条: at least eighteen on the application's date.
  application: (c) => shownBy({ earliest: earliest(addYears(c.birthDate, 18), "application.age", "birthDate") }),
  // 第八条: the talk within a month of the application.
  talk: (_c, steps) => shownBy({ latest: latest(addMonths(dateOf(steps, "application"), 1), "talk.one_month") }),
  // 第十三条: half-yearly reviews.
  activist_review: (_c, steps) => shownBy({ latest: latest(reviewDue(steps), "review.half_year") }),
  // 第十五条: a year after the recommendation at the earliest, while the last review is current.
  candidate_determined: (_c, steps) =>
    shownBy({
      earliest: earliest(addYears(dateOf(steps, "activist_recommendation"), 1), "candidate.one_year"),
      latest: latest(reviewDue(steps), "candidate.review_current"),
    }),
  // 第二十二条: the branch meeting votes the day after the publicity ends at the earliest.
  branch_vote: (_c, steps) =>
    shownBy({ earliest: earliest(addDays(first(steps, "publicity")?.publicityUntil as string, 1), "branch_vote.after_publicity") }),
  higher_talk: byHigherApproval,
  higher_approval: byHigherApproval,
  // The conversion application is shown with the probation rule it waits for.
  conversion_application: (c, steps) => ({ latest: conversionDue(c, steps), shown: "conversion_vote.probation_served" }),
  // 第三十一条、第三十四条: the conversion vote once the probation (with any extension) has been served.
  conversion_vote: (c, steps) =>
    shownBy({
      earliest: earliest(probationEnd(steps, c.extensionMonths) as string, "conversion_vote.probation_served"),
      latest: conversionDue(c, steps),
    }),
  conversion_approval: (c, steps) => shownBy({ latest: conversionDue(c, steps) }),
};

/** The window of a step after `steps` (sorted), or null when the step has no time limit. */
export function windowOf(step: DevelopmentStep, c: CaseFacts, steps: readonly RecordedStep[]): StepWindow | null {
  return timeLimits[step]?.(c, steps) ?? null;
}

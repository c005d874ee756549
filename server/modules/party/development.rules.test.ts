import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../../../contracts/calendar.ts";
import { type DevelopmentStep, developmentSteps } from "../../../contracts/party.ts";
import { evaluate, evaluateExtension, nextStep, type RuleContext, stageOf, statusAfter } from "./development.evaluate.ts";
import { type CaseFacts, type NewStep, type RecordedStep, rules, stepDefinitions } from "./development.rules.ts";
import { probationEnd, timeLimits } from "./development.time-limits.ts";

const facts: CaseFacts = { birthDate: "1990-05-01", status: "active", extensionMonths: null };
const ctx: RuleContext = {
  today: "2030-01-01",
  fullMembers: new Map<number, string | null>([
    [1, null],
    [2, "2010-01-01"],
    [3, "2024-06-01"],
  ]),
};
const vote = { entitled: 5, present: 5, inFavour: 3, against: 1, abstain: 1 };

/** A valid path through all 25 steps, each at the edge of its time rule where it has one. */
const path: RecordedStep[] = [
  { step: "application", on: "2023-01-10" },
  { step: "talk", on: "2023-02-10" },
  { step: "activist_recommendation", on: "2023-04-10" },
  { step: "activist_filing", on: "2023-04-15" },
  { step: "contacts_assigned", on: "2023-04-20", memberIds: [1, 2] },
  { step: "activist_review", on: "2023-10-10" },
  { step: "activist_review", on: "2024-04-10" },
  { step: "candidate_determined", on: "2024-04-10" },
  { step: "candidate_filing", on: "2024-04-15" },
  { step: "introducers_assigned", on: "2024-04-20", memberIds: [1, 2] },
  { step: "political_review", on: "2024-05-10", conclusion: "政治审查合格" },
  { step: "concentrated_training", on: "2024-06-10" },
  { step: "committee_review", on: "2024-06-20" },
  { step: "higher_pre_review", on: "2024-07-01" },
  { step: "application_form", on: "2024-07-10" },
  { step: "publicity", on: "2024-07-15", publicityUntil: "2024-07-21" },
  { step: "branch_vote", on: "2024-07-22", vote },
  { step: "higher_talk", on: "2024-08-01" },
  { step: "higher_approval", on: "2024-10-22" },
  { step: "approval_filing", on: "2024-10-25" },
  { step: "oath", on: "2024-11-01" },
  { step: "probation_education", on: "2025-01-10" },
  { step: "conversion_application", on: "2025-07-10" },
  { step: "conversion_vote", on: "2025-07-22", vote },
  { step: "conversion_approval", on: "2025-10-22" },
  { step: "archived", on: "2025-11-01" },
];

/** The steps recorded before the (first or nth) occurrence of `step`. */
function stepsBefore(step: DevelopmentStep, nth = 0): RecordedStep[] {
  let seen = -1;
  const i = path.findIndex((s) => s.step === step && ++seen === nth);
  return path.slice(0, i);
}
const template = (step: DevelopmentStep, nth = 0) => path.filter((s) => s.step === step)[nth];

function check(step: DevelopmentStep, change: Partial<NewStep>, opts: { nth?: number; facts?: CaseFacts } = {}) {
  const base = template(step, opts.nth ?? 0);
  return evaluate(opts.facts ?? facts, stepsBefore(step, opts.nth ?? 0), { ...base, ...change }, ctx);
}
const ruleOf = (v: ReturnType<typeof evaluate>) => (v.ok ? "ok" : v.rule);

describe("date arithmetic (the station calendar the limits count in)", () => {
  it("adds calendar months, clamping to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
    expect(addMonths("2024-03-15", -3)).toBe("2023-12-15");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});

describe("the twenty-five steps", () => {
  it("defines every step with its stage, performer, record and source", () => {
    expect(Object.keys(stepDefinitions)).toEqual([...developmentSteps]);
    for (const s of developmentSteps) {
      expect(stepDefinitions[s].performer.length).toBeGreaterThan(1);
      expect(stepDefinitions[s].record.length).toBeGreaterThan(1);
      expect(stepDefinitions[s].source).toMatch(/《细则》/);
    }
  });

  it("every rule cites its source", () => {
    for (const r of Object.values(rules)) expect(r.source.length).toBeGreaterThan(3);
  });

  it("accepts the whole valid path, step by step, and derives the stage", () => {
    const stages: string[] = [];
    for (let i = 0; i < path.length; i++) {
      const v = evaluate(facts, path.slice(0, i), path[i], ctx);
      expect({ i, step: path[i].step, v }).toEqual({ i, step: path[i].step, v: { ok: true } });
      stages.push(stageOf(path.slice(0, i + 1)));
    }
    expect(stages[0]).toBe("applicant");
    expect(stages[2]).toBe("activist");
    expect(stages[7]).toBe("candidate");
    expect(stages[18]).toBe("probationary");
    expect(stages[24]).toBe("full");
    expect(statusAfter(path[25])).toBe("completed");
    expect(nextStep(facts, path, ctx.today)).toBeNull();
  });
});

describe("order", () => {
  it("refuses a skipped step, naming the step that comes next", () => {
    const v = evaluate(facts, stepsBefore("talk"), { step: "activist_recommendation", on: "2023-02-01" }, ctx);
    expect(v).toMatchObject({ ok: false, kind: "out_of_order", rule: "order.sequence" });
    if (!v.ok) expect(v.message["zh-CN"]).toContain("talk");
  });
  it("refuses a step recorded twice, but allows repeated half-yearly reviews", () => {
    expect(evaluate(facts, stepsBefore("activist_recommendation"), { step: "talk", on: "2023-02-10" }, ctx)).toMatchObject({
      kind: "already_recorded",
    });
    expect(check("activist_review", {}, { nth: 1 }).ok).toBe(true);
    // A third review is fine too.
    expect(evaluate(facts, stepsBefore("candidate_determined"), { step: "activist_review", on: "2024-05-01" }, ctx).ok).toBe(true);
  });
  it("refuses a review going back once the candidate is determined", () => {
    expect(evaluate(facts, stepsBefore("candidate_filing"), { step: "activist_review", on: "2024-04-12" }, ctx)).toMatchObject({
      kind: "already_recorded",
    });
  });
  it("refuses steps on a closed case", () => {
    expect(check("talk", {}, { facts: { ...facts, status: "stopped" } })).toMatchObject({ kind: "closed", rule: "order.closed" });
  });
  it("refuses dates in the future and before the previous step", () => {
    expect(ruleOf(evaluate(facts, stepsBefore("talk"), { step: "talk", on: "2023-02-10" }, { ...ctx, today: "2023-02-09" }))).toBe(
      "date.not_future",
    );
    expect(ruleOf(evaluate(facts, stepsBefore("talk"), { step: "talk", on: "2023-02-10" }, { ...ctx, today: "2023-02-10" }))).toBe("ok");
    expect(ruleOf(check("talk", { on: "2023-01-09" }))).toBe("date.not_before_previous");
    expect(ruleOf(check("talk", { on: "2023-01-10" }))).toBe("ok");
  });
});

describe("time rules at their boundaries", () => {
  it("第五条: at least 18 on the application date (a day short, exactly, a day over)", () => {
    const young = { ...facts, birthDate: "2005-01-11" };
    expect(ruleOf(evaluate(young, [], { step: "application", on: "2023-01-10" }, ctx))).toBe("application.age");
    expect(ruleOf(evaluate({ ...facts, birthDate: "2005-01-10" }, [], { step: "application", on: "2023-01-10" }, ctx))).toBe("ok");
    expect(ruleOf(evaluate({ ...facts, birthDate: "2005-01-09" }, [], { step: "application", on: "2023-01-10" }, ctx))).toBe("ok");
  });
  it("第八条: the talk within one month of the application", () => {
    expect(ruleOf(check("talk", { on: "2023-02-09" }))).toBe("ok");
    expect(ruleOf(check("talk", { on: "2023-02-10" }))).toBe("ok");
    expect(ruleOf(check("talk", { on: "2023-02-11" }))).toBe("talk.one_month");
  });
  it("第十三条: each review within six months of the previous (or the recommendation)", () => {
    expect(ruleOf(check("activist_review", { on: "2023-10-09" }))).toBe("ok");
    expect(ruleOf(check("activist_review", { on: "2023-10-10" }))).toBe("ok");
    expect(ruleOf(check("activist_review", { on: "2023-10-11" }))).toBe("review.half_year");
    expect(ruleOf(check("activist_review", { on: "2024-04-11" }, { nth: 1 }))).toBe("review.half_year");
  });
  it("第十五条: a candidate one year after the recommendation at the earliest", () => {
    const steps = [...stepsBefore("activist_review", 1), { step: "activist_review" as const, on: "2024-03-01" }];
    const cand = (d: string) => ruleOf(evaluate(facts, steps, { step: "candidate_determined", on: d }, ctx));
    expect(cand("2024-04-09")).toBe("candidate.one_year");
    expect(cand("2024-04-10")).toBe("ok");
    expect(cand("2024-04-11")).toBe("ok");
  });
  it("a candidate needs two half-yearly reviews, the last within six months", () => {
    const one = stepsBefore("activist_review", 1);
    expect(ruleOf(evaluate(facts, one, { step: "candidate_determined", on: "2024-04-10" }, ctx))).toBe("candidate.two_reviews");
    const steps = [...one, { step: "activist_review" as const, on: "2024-01-10" }];
    const cand = (d: string) => ruleOf(evaluate(facts, steps, { step: "candidate_determined", on: d }, ctx));
    expect(cand("2024-07-10")).toBe("ok");
    expect(cand("2024-07-11")).toBe("candidate.review_current");
  });
  it("公示: the branch meeting only after the publicity has ended", () => {
    expect(ruleOf(check("branch_vote", { on: "2024-07-21" }))).toBe("branch_vote.after_publicity");
    expect(ruleOf(check("branch_vote", { on: "2024-07-22" }))).toBe("ok");
    expect(ruleOf(check("publicity", { publicityUntil: undefined }))).toBe("publicity.until");
    expect(ruleOf(check("publicity", { publicityUntil: "2024-07-14" }))).toBe("publicity.until");
  });
  it("第二十八条: higher approval within three months of the branch meeting", () => {
    expect(ruleOf(check("higher_approval", { on: "2024-10-21" }))).toBe("ok");
    expect(ruleOf(check("higher_approval", { on: "2024-10-22" }))).toBe("ok");
    expect(ruleOf(check("higher_approval", { on: "2024-10-23" }))).toBe("higher_approval.three_months");
  });
  it("第三十一条: one year of probation from the branch meeting before the conversion vote", () => {
    expect(probationEnd(stepsBefore("conversion_vote"), null)).toBe("2025-07-22");
    expect(ruleOf(check("conversion_vote", { on: "2025-07-21" }))).toBe("conversion_vote.probation_served");
    expect(ruleOf(check("conversion_vote", { on: "2025-07-22" }))).toBe("ok");
    expect(ruleOf(check("conversion_vote", { on: "2025-07-23" }))).toBe("ok");
  });
  it("第三十四条: an extension moves the probation's end", () => {
    const extended = { ...facts, extensionMonths: 6 };
    expect(probationEnd(stepsBefore("conversion_vote"), 6)).toBe("2026-01-22");
    expect(ruleOf(check("conversion_vote", { on: "2026-01-21" }, { facts: extended }))).toBe("conversion_vote.probation_served");
    expect(ruleOf(check("conversion_vote", { on: "2026-01-22" }, { facts: extended }))).toBe("ok");
  });
  it("第三十四条: conversion approved within three months of the probation's end", () => {
    expect(ruleOf(check("conversion_approval", { on: "2025-10-21" }))).toBe("ok");
    expect(ruleOf(check("conversion_approval", { on: "2025-10-22" }))).toBe("ok");
    expect(ruleOf(check("conversion_approval", { on: "2025-10-23" }))).toBe("conversion_approval.three_months");
  });
});

describe("records", () => {
  it("contacts and introducers: exactly two distinct full members, full on that date", () => {
    expect(ruleOf(check("contacts_assigned", { memberIds: [1] }))).toBe("contacts.two_full_members");
    expect(ruleOf(check("contacts_assigned", { memberIds: [1, 1] }))).toBe("contacts.two_full_members");
    expect(ruleOf(check("contacts_assigned", { memberIds: [1, 9] }))).toBe("contacts.two_full_members");
    expect(ruleOf(check("contacts_assigned", { memberIds: undefined }))).toBe("contacts.two_full_members");
    // Member 3 became full on 2024-06-01: not yet on 2024-04-20.
    expect(ruleOf(check("introducers_assigned", { memberIds: [1, 3] }))).toBe("introducers.two_full_members");
    expect(ruleOf(check("introducers_assigned", { memberIds: [2, 1] }))).toBe("ok");
  });
  it("political review needs its conclusion", () => {
    expect(ruleOf(check("political_review", { conclusion: null }))).toBe("political_review.conclusion");
  });
  it("第二十四条: the vote — below half, exactly half, above half of those entitled", () => {
    const v = (inFavour: number, entitled = 6) => ({ entitled, present: entitled, inFavour, against: 0, abstain: 0 });
    expect(ruleOf(check("branch_vote", { vote: v(2) }))).toBe("vote.majority");
    expect(ruleOf(check("branch_vote", { vote: v(3) }))).toBe("vote.majority");
    expect(ruleOf(check("branch_vote", { vote: v(4) }))).toBe("ok");
    expect(ruleOf(check("branch_vote", { vote: v(3, 5) }))).toBe("ok");
    expect(ruleOf(check("conversion_vote", { vote: v(3) }))).toBe("vote.majority");
    // Counted against those entitled, not those present.
    expect(ruleOf(check("branch_vote", { vote: { entitled: 9, present: 5, inFavour: 4, against: 0, abstain: 1 } }))).toBe("vote.majority");
  });
  it("the vote's counts must add up", () => {
    expect(ruleOf(check("branch_vote", { vote: { entitled: 5, present: 6, inFavour: 5, against: 0, abstain: 0 } }))).toBe("vote.counts");
    expect(ruleOf(check("branch_vote", { vote: { entitled: 5, present: 5, inFavour: 4, against: 1, abstain: 1 } }))).toBe("vote.counts");
    expect(ruleOf(check("branch_vote", { vote: undefined }))).toBe("vote.counts");
  });
  it("a failed vote is recorded only as failed, and ends the case", () => {
    const failing = { entitled: 5, present: 5, inFavour: 2, against: 3, abstain: 0 };
    expect(ruleOf(check("conversion_vote", { vote: failing, conclusion: "未通过" }))).toBe("ok");
    expect(statusAfter({ step: "conversion_vote", on: "2025-07-22", vote: failing, conclusion: "未通过" })).toBe("stopped");
    expect(ruleOf(check("conversion_vote", { conclusion: "未通过" }))).toBe("vote.outcome");
  });
});

describe("extension of the probation", () => {
  const probationary = stepsBefore("conversion_application");
  it("6–12 months, once, only while probationary and decided by three months after the end", () => {
    expect(ruleOf(evaluateExtension(facts, probationary, 6, "2025-07-22", ctx.today))).toBe("ok");
    expect(ruleOf(evaluateExtension(facts, probationary, 12, "2025-10-22", ctx.today))).toBe("ok");
    expect(ruleOf(evaluateExtension(facts, probationary, 5, "2025-07-22", ctx.today))).toBe("extension.months");
    expect(ruleOf(evaluateExtension(facts, probationary, 13, "2025-07-22", ctx.today))).toBe("extension.months");
    expect(ruleOf(evaluateExtension(facts, probationary, 6, "2025-10-23", ctx.today))).toBe("extension.while_probationary");
    expect(ruleOf(evaluateExtension({ ...facts, extensionMonths: 6 }, probationary, 6, "2025-07-22", ctx.today))).toBe("extension.once");
    expect(ruleOf(evaluateExtension(facts, stepsBefore("higher_approval"), 6, "2024-09-01", ctx.today))).toBe(
      "extension.while_probationary",
    );
    expect(ruleOf(evaluateExtension(facts, stepsBefore("conversion_approval"), 6, "2025-07-23", ctx.today))).toBe(
      "extension.while_probationary",
    );
  });
});

describe("the next step and its dates", () => {
  it("the talk is due a month after the application, overdue the day after", () => {
    const steps = stepsBefore("talk");
    expect(nextStep(facts, steps, "2023-02-10")).toMatchObject({ step: "talk", due: "2023-02-10", overdue: false, rule: "talk.one_month" });
    expect(nextStep(facts, steps, "2023-02-11")).toMatchObject({ step: "talk", overdue: true });
  });
  it("reviews until a year has passed and two are on file, then the candidate", () => {
    expect(nextStep(facts, stepsBefore("activist_review"), "2023-06-01")).toMatchObject({ step: "activist_review", due: "2023-10-10" });
    expect(nextStep(facts, stepsBefore("activist_review", 1), "2024-01-01")).toMatchObject({ step: "activist_review", due: "2024-04-10" });
    expect(nextStep(facts, stepsBefore("candidate_determined"), "2024-04-10")).toMatchObject({
      step: "candidate_determined",
      earliest: "2024-04-10",
      due: "2024-10-10",
    });
    expect(nextStep(facts, stepsBefore("candidate_determined"), "2024-10-11")).toMatchObject({ step: "activist_review", overdue: true });
  });
  it("the vote's earliest date is the day after the publicity; conversion after the probation", () => {
    expect(nextStep(facts, stepsBefore("branch_vote"), "2024-07-16")).toMatchObject({ step: "branch_vote", earliest: "2024-07-22" });
    expect(nextStep(facts, stepsBefore("higher_approval"), "2024-08-02")).toMatchObject({ step: "higher_approval", due: "2024-10-22" });
    expect(nextStep(facts, stepsBefore("conversion_vote"), "2025-07-12")).toMatchObject({
      step: "conversion_vote",
      earliest: "2025-07-22",
      due: "2025-10-22",
    });
    expect(nextStep({ ...facts, status: "stopped" }, stepsBefore("talk"), "2023-02-01")).toBeNull();
  });
});

describe("the time limits: one table for the refusal and the dates shown", () => {
  // Every step of the valid path, with the case as it stood before it and the day it was recorded on.
  const occurrences = path.map((s, i) => ({ s, before: path.slice(0, i) }));
  // The step moved to another day (a publicity keeps running at least until that day: its record, not a time limit).
  const on = (s: RecordedStep, date: string) =>
    s.publicityUntil && s.publicityUntil < date ? { ...s, on: date, publicityUntil: date } : { ...s, on: date };
  const verdictOn = (before: RecordedStep[], s: RecordedStep, date: string) => evaluate(facts, before, on(s, date), ctx);

  it("names every step with a limit: the ones the 《细则》 gives a time for, and those that fall before one", () => {
    expect(Object.keys(timeLimits).sort()).toEqual(
      [
        "application",
        "talk",
        "activist_review",
        "candidate_determined",
        "branch_vote",
        "higher_talk",
        "higher_approval",
        "conversion_application",
        "conversion_vote",
        "conversion_approval",
      ].sort(),
    );
  });

  it("for every step, the due date shown is the last day evaluate() accepts and the earliest date the first", () => {
    let withDue = 0;
    for (const { s, before } of occurrences) {
      const next = nextStep(facts, before, s.on);
      expect({ step: next?.step }).toEqual({ step: s.step });
      if (!next) continue;
      const label = `${s.step} after ${before.length} steps`;
      if (next.due) {
        withDue++;
        expect({ label, due: verdictOn(before, s, next.due).ok }).toEqual({ label, due: true });
        const late = verdictOn(before, s, addDays(next.due, 1));
        expect({ label, late: late.ok ? "accepted" : late.rule }).toEqual({
          label,
          late: timeLimits[s.step]?.(facts, before).latest?.rule,
        });
        if (!late.ok) expect(late.message["zh-CN"]).toContain(`最迟 ${next.due}`);
      } else {
        // No latest date shown: none is enforced either, however late (up to today).
        expect({ label, late: verdictOn(before, s, ctx.today).ok }).toEqual({ label, late: true });
      }
      if (next.earliest) {
        expect({ label, earliest: verdictOn(before, s, next.earliest).ok }).toEqual({ label, earliest: true });
        expect({ label, before: verdictOn(before, s, addDays(next.earliest, -1)).ok }).toEqual({ label, before: false });
      }
    }
    expect(withDue).toBe(9);
  });

  it("the application's earliest date is the eighteenth birthday, where the age refusal stops", () => {
    const next = nextStep(facts, [], "2023-01-10");
    expect(next).toMatchObject({ step: "application", earliest: "2008-05-01", due: null, rule: "application.age" });
    expect(ruleOf(evaluate(facts, [], { step: "application", on: "2008-04-30" }, ctx))).toBe("application.age");
    expect(ruleOf(evaluate(facts, [], { step: "application", on: "2008-05-01" }, ctx))).toBe("ok");
  });

  it("with an extension, the conversion's window moves with the probation's end", () => {
    const extended = { ...facts, extensionMonths: 6 };
    const before = stepsBefore("conversion_vote");
    const next = nextStep(extended, before, "2026-01-01");
    expect(next).toMatchObject({ step: "conversion_vote", earliest: "2026-01-22", due: "2026-04-22" });
    const vote = template("conversion_vote");
    expect(ruleOf(evaluate(extended, before, { ...vote, on: "2026-01-21" }, ctx))).toBe("conversion_vote.probation_served");
    expect(ruleOf(evaluate(extended, before, { ...vote, on: "2026-04-22" }, ctx))).toBe("ok");
    expect(ruleOf(evaluate(extended, before, { ...vote, on: "2026-04-23" }, ctx))).toBe("conversion_approval.three_months");
  });
});

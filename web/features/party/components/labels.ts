import {
  branchMeetingKinds,
  type DevelopmentStage,
  type DevelopmentStep,
  developmentStages,
  developmentSteps,
} from "../../../../contracts/party.ts";

export type BranchMeetingKind = (typeof branchMeetingKinds)[number];
export { branchMeetingKinds, developmentStages, developmentSteps };

/**
 * The five phases of 《中国共产党发展党员工作细则》 and the steps in each: 1–2 申请入党, 3–6 入党积极分子的确定和培养,
 * 7–11 发展对象的确定和考察, 12–20 预备党员的接收, 21–25 预备党员的教育、考察和转正. (A person's `stage` — applicant,
 * activist, candidate, probationary, full — is what the server reports; these phases only group the steps.)
 */
export const phases: { key: string; steps: DevelopmentStep[] }[] = [
  { key: "apply", steps: developmentSteps.slice(0, 2) },
  { key: "activist", steps: developmentSteps.slice(2, 6) },
  { key: "candidate", steps: developmentSteps.slice(6, 11) },
  { key: "admission", steps: developmentSteps.slice(11, 20) },
  { key: "probation", steps: developmentSteps.slice(20, 25) },
];

export const stageColours: Record<DevelopmentStage, string> = {
  applicant: "default",
  activist: "blue",
  candidate: "purple",
  probationary: "orange",
  full: "red",
};

/** Which record each step needs, beyond its date and an optional note. */
export const stepNeeds = {
  members: ["contacts_assigned", "introducers_assigned"] as DevelopmentStep[],
  vote: ["branch_vote", "conversion_vote"] as DevelopmentStep[],
  conclusion: ["political_review", "committee_review", "higher_pre_review", "higher_approval", "conversion_approval"] as DevelopmentStep[],
  publicity: ["publicity"] as DevelopmentStep[],
};

export function stepNumber(step: DevelopmentStep): number {
  return developmentSteps.indexOf(step) + 1;
}

export const stageOrder = (stage: DevelopmentStage) => developmentStages.indexOf(stage);

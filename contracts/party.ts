// The Party branch in the market: branches, members, member development (five stages, twenty-five steps),
// branch life (三会一课) and pioneer posts (党员先锋岗).
import { z } from "zod";
import { dateSchema, mobileSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

export const branchKinds = ["general_branch", "branch"] as const;
export type BranchKind = (typeof branchKinds)[number];
export const genders = ["male", "female"] as const;
export type Gender = (typeof genders)[number];
export const branchSchema = z.object({
  id: z.number().int(),
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  kind: z.enum(branchKinds),
  members: z.number().int(),
});
export type Branch = z.infer<typeof branchSchema>;

export const memberStatuses = ["probationary", "full", "transferred_out"] as const;
export const memberStatusSchema = z.enum(memberStatuses);
export type MemberStatus = (typeof memberStatuses)[number];
export const memberRoles = ["secretary", "deputy_secretary", "committee_member", "member"] as const;
export const memberRoleSchema = z.enum(memberRoles);
export type MemberRole = (typeof memberRoles)[number];

export const memberCreateSchema = z
  .object({
    branchId: z.number().int().positive(),
    name: nameSchema,
    gender: z.enum(genders),
    birthDate: dateSchema,
    mobile: mobileSchema.nullish().transform((v) => v ?? null),
    /** Where the member comes from, e.g. 社区党委派驻, 区市场监管局驻市场, 商户. */
    sourceUnit: optionalText(100),
    status: z.enum(["probationary", "full"]),
    joinedOn: dateSchema,
    fullOn: dateSchema.nullish().transform((v) => v ?? null),
    role: memberRoleSchema.default("member"),
    partyGroup: optionalText(50),
    /** A member who is also a merchant, resident or unit officer is linked to that record, not copied. */
    merchantId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    residentId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    userId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    transferredInOn: dateSchema.nullish().transform((v) => v ?? null),
  })
  .strict();

export const memberUpdateSchema = z
  .object({
    name: nameSchema,
    mobile: mobileSchema.nullable(),
    sourceUnit: optionalText(100),
    role: memberRoleSchema,
    partyGroup: optionalText(50),
    merchantId: z.number().int().positive().nullable(),
    residentId: z.number().int().positive().nullable(),
    userId: z.number().int().positive().nullable(),
    version: versionField,
  })
  .partial()
  .required({ version: true })
  .strict();

export const memberTransferSchema = z
  .object({ direction: z.literal("out"), on: dateSchema, toOrganisation: nameSchema, version: versionField })
  .strict();

export const memberSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  branchName: z.string(),
  name: z.string(),
  gender: z.enum(genders),
  /**
   * The whole date only for those who keep the branch's records (party.manage) and for the member themself;
   * others get the year: with a resident's masked ID number, the date would give back what the mask hides.
   */
  birthDate: z.string().nullable(),
  birthYear: z.number().int(),
  mobile: z.string().nullable(),
  sourceUnit: z.string().nullable(),
  status: memberStatusSchema,
  joinedOn: z.string(),
  fullOn: z.string().nullable(),
  role: memberRoleSchema,
  partyGroup: z.string().nullable(),
  merchantId: z.number().int().nullable(),
  merchantName: z.string().nullable(),
  residentId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  transferredInOn: z.string().nullable(),
  transferredOutOn: z.string().nullable(),
  transferredTo: z.string().nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListQuery = pageQuery.extend({
  branchId: z.coerce.number().int().positive().optional(),
  status: memberStatusSchema.optional(),
  role: memberRoleSchema.optional(),
});

/** The five stages of the Party's member-development rules (《中国共产党发展党员工作细则》). */
export const developmentStages = ["applicant", "activist", "candidate", "probationary", "full"] as const;
export const developmentStageSchema = z.enum(developmentStages);
export type DevelopmentStage = z.infer<typeof developmentStageSchema>;

/** The twenty-five steps, in order. Each belongs to one stage (see server/modules/party/development.rules.ts). */
export const developmentSteps = [
  "application",
  "talk",
  "activist_recommendation",
  "activist_filing",
  "contacts_assigned",
  "activist_review",
  "candidate_determined",
  "candidate_filing",
  "introducers_assigned",
  "political_review",
  "concentrated_training",
  "committee_review",
  "higher_pre_review",
  "application_form",
  "publicity",
  "branch_vote",
  "higher_talk",
  "higher_approval",
  "approval_filing",
  "oath",
  "probation_education",
  "conversion_application",
  "conversion_vote",
  "conversion_approval",
  "archived",
] as const;
export const developmentStepSchema = z.enum(developmentSteps);
export type DevelopmentStep = z.infer<typeof developmentStepSchema>;

export const caseStatuses = ["active", "completed", "stopped"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseCreateSchema = z
  .object({
    branchId: z.number().int().positive(),
    name: nameSchema,
    gender: z.enum(genders),
    birthDate: dateSchema,
    mobile: mobileSchema.nullish().transform((v) => v ?? null),
    merchantId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    residentId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    /** The date of the written application (step 1, recorded with the case). */
    appliedOn: dateSchema,
    note: optionalText(500),
  })
  .strict();

/**
 * Recording a step: the date it happened and the record it needs. Which fields are required depends on the
 * step (the server names the rule when one is missing or breaks a time limit).
 */
export const stepRecordSchema = z
  .object({
    step: developmentStepSchema,
    on: dateSchema,
    note: optionalText(2000),
    /** Two contacts (培养联系人) or two introducers (入党介绍人): member ids. */
    memberIds: z.array(z.number().int().positive()).max(2).optional(),
    /** The branch meeting's vote: members entitled to vote, present, in favour, against, abstaining. */
    vote: z
      .object({
        entitled: z.number().int().min(1),
        present: z.number().int().min(0),
        inFavour: z.number().int().min(0),
        against: z.number().int().min(0),
        abstain: z.number().int().min(0),
      })
      .optional(),
    /** Political review conclusion, approval decision, or the publicity's end date. */
    conclusion: optionalText(500),
    publicityUntil: dateSchema.optional(),
    /** For `activist_review`: a half-yearly review (several are recorded over the year). */
    version: versionField,
  })
  .strict();
export type StepRecord = z.input<typeof stepRecordSchema>;

export const extensionSchema = z
  .object({ months: z.number().int().min(6).max(12), on: dateSchema, reason: z.string().trim().min(2).max(500), version: versionField })
  .strict();

export const stopCaseSchema = z.object({ on: dateSchema, reason: z.string().trim().min(2).max(500), version: versionField }).strict();

export const stepRecordOutSchema = z.object({
  id: z.number().int(),
  step: developmentStepSchema,
  on: z.string(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
});

export const developmentCaseSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  branchName: z.string(),
  name: z.string(),
  gender: z.enum(genders),
  /**
   * The whole date only for those who keep the branch's records (party.manage) and for the member themself;
   * others get the year: with a resident's masked ID number, the date would give back what the mask hides.
   */
  birthDate: z.string().nullable(),
  birthYear: z.number().int(),
  mobile: z.string().nullable(),
  merchantId: z.number().int().nullable(),
  residentId: z.number().int().nullable(),
  stage: developmentStageSchema,
  status: z.enum(caseStatuses),
  steps: z.array(stepRecordOutSchema),
  /** The next step, its earliest and latest dates per the rules, and whether it is overdue. */
  next: z
    .object({
      step: developmentStepSchema,
      earliest: z.string().nullable(),
      due: z.string().nullable(),
      overdue: z.boolean(),
      rule: z.string().nullable(),
    })
    .nullable(),
  probationEnds: z.string().nullable(),
  extensionMonths: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type DevelopmentCase = z.infer<typeof developmentCaseSchema>;

export const caseListQuery = pageQuery.extend({
  branchId: z.coerce.number().int().positive().optional(),
  stage: developmentStageSchema.optional(),
  status: z.enum(caseStatuses).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  /** Active cases whose next step falls due within 14 days and is not overdue yet. */
  due: z.enum(["true"]).optional(),
});

export const funnelSchema = z.object({
  /** Counts of people in each stage now, for the branch, community or district asked for. */
  applicants: z.number().int(),
  activists: z.number().int(),
  candidates: z.number().int(),
  probationary: z.number().int(),
  full: z.number().int(),
  /** Counts since the branch started, as the report gives them: applications, activists, candidates. */
  everApplied: z.number().int(),
  everActivists: z.number().int(),
  everCandidates: z.number().int(),
  byBranch: z.array(
    z.object({
      branchId: z.number().int(),
      name: z.string(),
      applicants: z.number().int(),
      activists: z.number().int(),
      candidates: z.number().int(),
      probationary: z.number().int(),
    }),
  ),
});

export const branchMeetingKinds = ["member_meeting", "committee_meeting", "group_meeting", "party_lecture", "theme_day"] as const;
export const branchMeetingKindSchema = z.enum(branchMeetingKinds);
export type BranchMeetingKind = (typeof branchMeetingKinds)[number];
export const branchMeetingStatuses = ["scheduled", "held"] as const;
export type BranchMeetingStatus = (typeof branchMeetingStatuses)[number];
/** How an attendance was recorded: the member scanned the meeting's code, or the secretary listed them. */
export const attendanceMethods = ["qr", "staff"] as const;
export type AttendanceMethod = (typeof attendanceMethods)[number];

export const branchMeetingCreateSchema = z
  .object({
    branchId: z.number().int().positive(),
    kind: branchMeetingKindSchema,
    title: nameSchema,
    heldOn: dateSchema,
    place: optionalText(200),
  })
  .strict();

export const branchMeetingSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  kind: branchMeetingKindSchema,
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  status: z.enum(branchMeetingStatuses),
  minutes: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
  attendance: z.array(z.object({ memberId: z.number().int(), name: z.string(), at: z.string(), method: z.enum(attendanceMethods) })),
  version: z.number().int(),
});

export const branchMeetingHoldSchema = z
  .object({
    minutes: z.string().trim().min(10).max(20000),
    photoIds: z.array(z.uuid()).max(9).default([]),
    memberIds: z.array(z.number().int().positive()).max(500).default([]),
    version: versionField,
  })
  .strict();

export const branchCheckInResultSchema = z.object({
  meetingId: z.number().int(),
  meetingTitle: z.string(),
  memberName: z.string(),
  /** false when the member had already checked in. */
  created: z.boolean(),
});

export const attendanceReportSchema = z.object({
  year: z.number().int(),
  members: z.array(z.object({ memberId: z.number().int(), name: z.string(), attended: z.number().int(), required: z.number().int() })),
  /** Required meetings missing in their period: e.g. no member meeting this quarter, no committee meeting this month. */
  missing: z.array(z.object({ kind: branchMeetingKindSchema, period: z.string(), rule: z.string() })),
});

export const pioneerPostCreateSchema = z
  .object({
    memberId: z.number().int().positive(),
    post: nameSchema,
    duty: optionalText(100),
    service: optionalText(500),
    showOnMobile: z.boolean().default(true),
  })
  .strict();

export const pioneerPostSchema = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  post: z.string(),
  duty: z.string().nullable(),
  service: z.string().nullable(),
  showOnMobile: z.boolean(),
  active: z.boolean(),
});

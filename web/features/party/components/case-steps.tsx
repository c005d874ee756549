import { Steps, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DevelopmentCase, DevelopmentStep } from "../../../../contracts/party.ts";
import { formatDate } from "../../../app/format.ts";
import { useMembers } from "../api/list-members.ts";
import type { StepRecordOut } from "../api/types.ts";
import { phases, stepNumber } from "./labels.ts";

type Vote = { entitled: number; present: number; inFavour: number; against: number; abstain: number };

/** What the server kept with a step: the vote, the conclusion, the publicity's end, the contacts or introducers. */
function RecordDetails({ record, names }: { record: StepRecordOut; names: Map<number, string> }) {
  const { t } = useTranslation("party");
  const d = record.details ?? {};
  const lines: string[] = [];
  const vote = d.vote as Vote | undefined;
  if (vote && typeof vote === "object") lines.push(t("case.voteDetails", vote));
  if (typeof d.conclusion === "string") lines.push(d.conclusion);
  if (typeof d.publicityUntil === "string") lines.push(t("case.publicityDetails", { date: formatDate(d.publicityUntil) }));
  const ids = d.memberIds as unknown;
  if (Array.isArray(ids) && ids.length) lines.push(ids.map((id) => names.get(Number(id)) ?? `#${id}`).join("、"));
  if (typeof d.months === "number") lines.push(t("case.extended", { months: d.months }));
  return (
    <div style={{ fontSize: 13 }}>
      <span style={{ fontWeight: 500 }}>{formatDate(record.on)}</span>
      {record.actorName && <Typography.Text type="secondary"> · {t("case.by", { name: record.actorName })}</Typography.Text>}
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {record.note && <div style={{ color: "#595959" }}>{record.note}</div>}
    </div>
  );
}

/** The 5 phases × 25 steps, each with the date and record it was done, the next one highlighted. */
export function CaseSteps({ record }: { record: DevelopmentCase }) {
  const { t } = useTranslation("party");
  const byStep = new Map<DevelopmentStep, StepRecordOut[]>();
  for (const s of record.steps) byStep.set(s.step, [...(byStep.get(s.step) ?? []), s]);
  const next = record.next?.step;
  const members = useMembers({ branchId: record.branchId, page: 1, pageSize: 200 });
  const names = new Map((members.data?.items ?? []).map((m) => [m.id, m.name]));

  return (
    <div data-testid="case-steps">
      {phases.map((phase, index) => (
        <div key={phase.key} style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: "8px 0 12px", color: "#a8071a" }}>
            {index + 1}. {t(`phase.${phase.key}`)}
          </Typography.Title>
          <Steps
            orientation="vertical"
            size="small"
            initial={stepNumber(phase.steps[0]) - 1}
            current={-1}
            items={phase.steps.map((step) => {
              const done = byStep.get(step) ?? [];
              const isNext = step === next && record.status === "active";
              return {
                status: done.length ? (isNext ? "process" : "finish") : isNext ? (record.next?.overdue ? "error" : "process") : "wait",
                title: (
                  <span data-testid={`step-${step}`}>
                    {t(`step.${step}`)}
                    {isNext && (
                      <Tag color={record.next?.overdue ? "error" : "processing"} style={{ marginLeft: 8 }}>
                        {record.next?.overdue ? t("case.overdue") : t("case.next")}
                      </Tag>
                    )}
                  </span>
                ),
                content: done.length ? (
                  done.map((r) => <RecordDetails key={r.id} record={r} names={names} />)
                ) : isNext && record.next?.due ? (
                  <span style={{ color: record.next.overdue ? "#cf1322" : undefined }}>
                    {t("case.windowDue", { due: formatDate(record.next.due) })}
                  </span>
                ) : undefined,
              };
            })}
          />
        </div>
      ))}
    </div>
  );
}

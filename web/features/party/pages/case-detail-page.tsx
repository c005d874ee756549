import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useCase } from "../api/get-case.ts";
import { type CaseAction, CaseActionModal } from "../components/case-action-modal.tsx";
import { CaseSteps } from "../components/case-steps.tsx";
import { stepNumber } from "../components/labels.ts";
import { StageTag } from "../components/stage-tag.tsx";
import { StepForm } from "../components/step-form.tsx";

/** The server may name a rule by its id (`talk.one_month`) rather than its text; only text is shown. */
const isRuleId = (rule: string) => /^[a-z_]+(\.[a-z_]+)+$/.test(rule);

export default function CaseDetailPage() {
  const { t } = useTranslation("party");
  const can = useCan();
  const id = Number(useParams().id);
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);

  if (query.isPending) return <Skeleton active />;
  if (query.isError)
    return (
      <Result
        status="error"
        title={errorMessage(query.error)}
        extra={
          <Link to="/party/development">
            <Button>{t("case.back")}</Button>
          </Link>
        }
      />
    );
  const c = query.data;
  const write = can("development.write") && c.status === "active";
  const next = c.next;

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12, marginBottom: 16 }}>
          <Link to="/party/development">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t("case.back")} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-name">
            {c.name}
          </Typography.Title>
          <StageTag stage={c.stage} />
          <Tag color={c.status === "completed" ? "success" : c.status === "stopped" ? "default" : "processing"} data-testid="case-status">
            {t(`caseStatus.${c.status}`)}
          </Tag>
          <div style={{ flex: 1 }} />
          {write && c.stage === "probationary" && c.extensionMonths === null && (
            <Button onClick={() => setAction("extend")}>{t("case.extend")}</Button>
          )}
          {write && (
            <Button danger onClick={() => setAction("stop")}>
              {t("case.stop")}
            </Button>
          )}
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t("branch")}>{c.branchName}</Descriptions.Item>
          <Descriptions.Item label={t("field.gender")}>{t(`gender.${c.gender}`)}</Descriptions.Item>
          <Descriptions.Item label={t("field.birthDate")}>
            {c.birthDate ? formatDate(c.birthDate) : t("field.birthYearValue", { year: c.birthYear })}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.mobile")}>{c.mobile ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("case.applied")}>{formatDate(c.steps.find((s) => s.step === "application")?.on)}</Descriptions.Item>
          {c.probationEnds && <Descriptions.Item label={t("field.probationEnds")}>{formatDate(c.probationEnds)}</Descriptions.Item>}
          {c.extensionMonths !== null && (
            <Descriptions.Item label={t("field.extension")}>{t("case.extended", { months: c.extensionMonths })}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t("case.steps")}>
            <CaseSteps record={c} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <div style={{ position: "sticky", top: 16 }}>
            {c.status === "completed" && <Alert type="success" showIcon title={t("development.completed")} style={{ marginBottom: 16 }} />}
            {c.status === "stopped" && <Alert type="warning" showIcon title={t("development.stopped")} style={{ marginBottom: 16 }} />}
            {next && c.status === "active" && (
              <Card title={t("case.next")} data-testid="next-step">
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t("case.nextOn", { n: stepNumber(next.step), step: t(`step.${next.step}`) })}
                  {next.overdue && (
                    <Tag color="error" style={{ marginLeft: 8 }}>
                      {t("case.overdue")}
                    </Tag>
                  )}
                </Typography.Title>
                {(next.earliest || next.due) && (
                  <div style={{ color: next.overdue ? "#cf1322" : undefined, marginBottom: 8 }}>
                    {next.earliest && next.due
                      ? t("case.window", { earliest: formatDate(next.earliest), due: formatDate(next.due) })
                      : next.earliest
                        ? t("case.windowFrom", { earliest: formatDate(next.earliest) })
                        : t("case.windowDue", { due: formatDate(next.due) })}
                  </div>
                )}
                {next.rule && !isRuleId(next.rule) && (
                  <Alert type="info" title={`${t("case.rule")}：${next.rule}`} style={{ marginBottom: 16 }} data-testid="next-rule" />
                )}
                {write && <StepForm key={c.version} record={c} />}
              </Card>
            )}
          </div>
        </Col>
      </Row>
      <CaseActionModal record={c} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}

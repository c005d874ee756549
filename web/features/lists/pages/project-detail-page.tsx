import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { Project } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { formatWan, formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { ProjectLiveFigures } from "../../../components/project-live-figures.tsx";
import { useProject } from "../api/get-project.ts";
import { useProjectAction } from "../api/project-action.ts";
import { ProjectStatusTag } from "../components/list-tags.tsx";
import { ProjectActionModal, type ProjectModalAction } from "../components/project-action-modal.tsx";

function OutcomeCard({ outcome }: { outcome: Project["outcomes"][number] }) {
  const money = outcome.unit === "fen";
  return (
    <Card size="small">
      <Statistic
        title={outcome.label}
        value={money ? formatWan(outcome.value) : outcome.value}
        suffix={money ? undefined : outcome.unit}
        styles={{ content: { color: "#c8161d" } }}
      />
      {money && <Typography.Text type="secondary">{formatYuan(outcome.value)}</Typography.Text>}
    </Card>
  );
}

export default function ProjectDetailPage() {
  const { t } = useTranslation("lists");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const id = Number(useParams().id);
  const project = useProject(id);
  const start = useProjectAction();
  const [action, setAction] = useState<ProjectModalAction | null>(null);

  if (project.isPending) return <Skeleton active />;
  if (project.isError) return <Result status="error" title={errorMessage(project.error)} />;
  const p = project.data;
  const manage = can("project.manage");

  const doStart = async () => {
    try {
      await start.mutateAsync({ id: p.id, input: { action: "start", version: p.version } });
      message.success(t("common:saved"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12 }}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t("common:action.back")} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <ProjectStatusTag status={p.status} />
          <div style={{ flex: 1 }} />
          {manage && (
            <Space wrap>
              {p.status === "planned" && (
                <Button type="primary" onClick={doStart} loading={start.isPending}>
                  {t("project.action.start")}
                </Button>
              )}
              {p.status === "active" && <Button onClick={() => setAction("progress")}>{t("project.action.progress")}</Button>}
              {p.status === "active" && <Button onClick={() => setAction("outcomes")}>{t("project.action.outcomes")}</Button>}
              {p.status === "active" && (
                <Button type="primary" onClick={() => setAction("complete")}>
                  {t("project.action.complete")}
                </Button>
              )}
              {(p.status === "planned" || p.status === "active") && (
                <Button danger onClick={() => setAction("cancel")}>
                  {t("project.action.cancel")}
                </Button>
              )}
            </Space>
          )}
        </div>
        <Progress percent={p.percent} style={{ marginTop: 16 }} strokeColor="#c8161d" />
      </Card>
      {p.outcomes.length > 0 && (
        <Row gutter={[16, 16]}>
          {p.outcomes.map((o) => (
            <Col key={o.label} xs={24} sm={12} lg={6}>
              <OutcomeCard outcome={o} />
            </Col>
          ))}
        </Row>
      )}
      <ProjectLiveFigures projectId={p.id} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t("details")}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: "nowrap" } }}>
              <Descriptions.Item label={t("project.ownerUnit")}>{p.ownerUnitName}</Descriptions.Item>
              <Descriptions.Item label={t("project.budget")}>{formatYuan(p.budgetFen)}</Descriptions.Item>
              <Descriptions.Item label={t("project.startDate")}>{formatDate(p.startDate)}</Descriptions.Item>
              <Descriptions.Item label={t("project.endDate")}>{formatDate(p.endDate)}</Descriptions.Item>
              <Descriptions.Item label={t("project.participants")} span={2}>
                {p.participants.length ? p.participants.map((u) => <Tag key={u.id}>{u.name}</Tag>) : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("project.fundingSources")} span={2}>
                {p.fundingSources.length
                  ? p.fundingSources.map((f) => (
                      <div key={f.source}>
                        {f.source}：{formatYuan(f.amountFen)}
                      </div>
                    ))
                  : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("project.needs")} span={2}>
                {p.needs.length ? p.needs.map((n) => <Tag key={n.id}>{n.title}</Tag>) : "—"}
              </Descriptions.Item>
              {p.description && (
                <Descriptions.Item label={t("field.description")} span={2}>
                  <div style={{ whiteSpace: "pre-wrap" }}>{p.description}</div>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t("project.updates")}>
            {p.updates.length ? (
              <Timeline
                items={[...p.updates].reverse().map((u) => ({
                  key: `${u.at}-${u.percent}`,
                  content: (
                    <div>
                      <Space>
                        <Typography.Text strong>{u.percent}%</Typography.Text>
                        <Typography.Text type="secondary">{formatDateTime(u.at)}</Typography.Text>
                        {u.actorName && <Typography.Text type="secondary">{u.actorName}</Typography.Text>}
                      </Space>
                      <div style={{ whiteSpace: "pre-wrap" }}>{u.note}</div>
                    </div>
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("project.noUpdates")} />
            )}
          </Card>
        </Col>
      </Row>
      <ProjectActionModal project={p} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}

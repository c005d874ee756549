import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Image, Rate, Result, Row, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useProblem } from "../api/get-problem.ts";
import { useProblemAction } from "../api/problem-action.ts";
import { type ModalAction, ProblemActionModal } from "../components/problem-action-modal.tsx";
import { ProblemStatusTag } from "../components/problem-status-tag.tsx";
import { ProblemTimeline } from "../components/problem-timeline.tsx";

const modalActions: readonly string[] = ["reject", "assign", "note", "resolve", "confirm", "reopen"];
const actionOrder = ["accept", "assign", "start", "note", "resolve", "confirm", "reopen", "reject"];

export default function ProblemDetailPage() {
  const { t } = useTranslation("problems");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const problem = useProblem(id);
  const quick = useProblemAction();
  const [action, setAction] = useState<ModalAction | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  if (problem.isPending) return <Skeleton active />;
  if (problem.isError)
    return (
      <Result
        status={problem.error instanceof ApiError && problem.error.status === 404 ? "404" : "error"}
        title={errorMessage(problem.error)}
      />
    );
  const p = problem.data;

  const onConflict = (text: string) => {
    setConflict(text);
    void problem.refetch();
  };

  const press = async (name: string) => {
    if (modalActions.includes(name)) {
      setAction(name as ModalAction);
      return;
    }
    setConflict(null);
    try {
      await quick.mutateAsync({ id: p.id, input: { action: name as "accept" | "start", version: p.version } });
      message.success(t(`done.${name}`));
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") onConflict(error.message);
      else message.error(errorMessage(error));
    }
  };

  const buttons = [...p.nextActions].sort((a, b) => actionOrder.indexOf(a) - actionOrder.indexOf(b));

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12 }}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t("common:action.back")} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="problem-title">
            {p.title}
          </Typography.Title>
          <ProblemStatusTag status={p.status} />
          {p.overdue && (
            <Typography.Text type="danger" strong>
              {t("overdue")}
            </Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          <Space wrap>
            {buttons.map((name) => (
              <Button
                key={name}
                type={name === "accept" || name === "resolve" || name === "start" || name === "confirm" ? "primary" : "default"}
                danger={name === "reject"}
                loading={quick.isPending && quick.variables?.input.action === name}
                onClick={() => press(name)}
                data-testid={`problem-action-${name}`}
              >
                {t(`action.${name}`)}
              </Button>
            ))}
          </Space>
        </div>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            closable={{ onClose: () => setConflict(null) }}
            title={conflict}
            description={t("conflictReloaded")}
            style={{ marginTop: 16 }}
            data-testid="problem-conflict"
          />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t("details")}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: "nowrap" } }}>
              <Descriptions.Item label={t("field.code")}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t("field.category")}>{p.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t("field.source")}>{t(`source.${p.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t("field.station")}>{p.stationName}</Descriptions.Item>
              <Descriptions.Item label={t("field.place")}>{[p.stallCode, p.place].filter(Boolean).join(" · ") || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("field.reporter")}>
                {[p.reporterName, p.reporterPhone].filter(Boolean).join(" · ") || "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("field.unit")}>{dash(p.unitName)}</Descriptions.Item>
              <Descriptions.Item label={t("field.dueAt")}>
                <span style={p.overdue ? { color: "#cf1322", fontWeight: 600 } : undefined}>{formatDateTime(p.dueAt)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("field.createdAt")}>{formatDateTime(p.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t("field.resolvedAt")}>{formatDateTime(p.resolvedAt)}</Descriptions.Item>
              <Descriptions.Item label={t("field.description")} span={2}>
                <div style={{ whiteSpace: "pre-wrap" }}>{p.description}</div>
              </Descriptions.Item>
              {p.resolution && (
                <Descriptions.Item label={t("field.resolution")} span={2}>
                  <div style={{ whiteSpace: "pre-wrap" }}>{p.resolution}</div>
                </Descriptions.Item>
              )}
              {p.rating !== null && (
                <Descriptions.Item label={t("field.rating")} span={2}>
                  <Rate disabled value={p.rating} /> {p.ratingComment && <span style={{ marginLeft: 8 }}>{p.ratingComment}</span>}
                </Descriptions.Item>
              )}
            </Descriptions>
            {p.photos.length > 0 && (
              <div style={{ marginTop: 16 }}>
                <Typography.Text type="secondary">{t("field.photos")}</Typography.Text>
                <Image.PreviewGroup>
                  <Space wrap size={8} style={{ display: "flex", marginTop: 8 }}>
                    {p.photos.map((photo) => (
                      <Image
                        key={photo.id}
                        src={photo.url}
                        width={104}
                        height={104}
                        style={{ objectFit: "cover", borderRadius: 6 }}
                        alt=""
                      />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t("timeline")}>
            {p.events.length ? <ProblemTimeline events={p.events} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
      </Row>
      <ProblemActionModal problem={p} action={action} onClose={() => setAction(null)} onConflict={onConflict} />
    </Space>
  );
}

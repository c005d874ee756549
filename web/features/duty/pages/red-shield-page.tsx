import { CalendarOutlined, EditOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Descriptions, Empty, Row, Spin, Statistic, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeRule, type RepeatRule } from "../../../../contracts/schedule.ts";
import { currentLanguage, errorMessage } from "../../../app/api-client.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { useGenerateSessions, usePlan, useRedShieldFigures } from "../api/red-shield.ts";
import "../duty.css";
import { ConsultationsTab } from "../components/red-shield-consultations-tab.tsx";
import { FiguresTab } from "../components/red-shield-figures-tab.tsx";
import { PlanModal } from "../components/red-shield-plan-modal.tsx";
import { SessionsTab } from "../components/red-shield-sessions-tab.tsx";

/** 红盾驿站: the bureau's post at the station — its schedule, sessions, consultations and figures. */
export default function RedShieldPage() {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["tab"]);
  const tab = list.filters.tab ?? "sessions";
  const plan = usePlan();
  const generate = useGenerateSessions();
  const figures = useRedShieldFigures({});
  const [planOpen, setPlanOpen] = useState(false);
  const manage = can("redshield.manage");
  const p = plan.data?.plan ?? null;
  const rule = p?.rule as RepeatRule | undefined;

  const runGenerate = async () => {
    try {
      const result = await generate.mutateAsync({ days: 60, stationId: plan.data?.stationId });
      message.success(t("rs.generated", { created: result.created, until: result.until }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
          <SafetyCertificateOutlined style={{ fontSize: 22, color: "#c8102e" }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("rs.title")}
          </Typography.Title>
          <div style={{ flex: 1 }} />
          {manage && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setPlanOpen(true)} data-testid="rs-plan-edit">
                {t("rs.planEdit")}
              </Button>
              <Button
                type="primary"
                icon={<CalendarOutlined />}
                onClick={runGenerate}
                loading={generate.isPending}
                disabled={!p}
                data-testid="rs-generate"
              >
                {t("rs.generate")}
              </Button>
            </>
          )}
        </div>
        {plan.isPending ? (
          <Spin />
        ) : p && rule ? (
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} xl={14}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t("rs.schedule")}>
                  {describeRule(rule, currentLanguage())} {`${p.startTime}–${p.endTime}`}
                  {!p.active && (
                    <Tag style={{ marginInlineStart: 8 }} color="default">
                      {t("rs.paused")}
                    </Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t("rs.slotMinutes")}>{t("rs.slotEvery", { minutes: p.slotMinutes })}</Descriptions.Item>
                <Descriptions.Item label={t("rs.place")}>{p.place}</Descriptions.Item>
                <Descriptions.Item label={t("rs.unit")}>{p.unitName}</Descriptions.Item>
              </Descriptions>
            </Col>
            <Col xs={8} xl={3}>
              <Statistic title={t("rs.figures.yearTotal")} value={figures.data?.total ?? "—"} />
            </Col>
            <Col xs={8} xl={3}>
              <Statistic title={t("rs.figures.merchants")} value={figures.data?.merchants ?? "—"} />
            </Col>
            <Col xs={8} xl={4}>
              <Statistic title={t("rs.figures.sessionsHeld")} value={figures.data?.sessionsHeld ?? "—"} />
            </Col>
          </Row>
        ) : (
          <Empty description={t("rs.noPlan")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => list.update({ tab: key === "sessions" ? undefined : key })}
          items={[
            { key: "sessions", label: t("rs.tabSessions"), children: tab === "sessions" ? <SessionsTab /> : null },
            { key: "consultations", label: t("rs.tabConsultations"), children: tab === "consultations" ? <ConsultationsTab /> : null },
            { key: "figures", label: t("rs.tabFigures"), children: tab === "figures" ? <FiguresTab /> : null },
          ]}
        />
      </Card>
      <PlanModal open={planOpen} onClose={() => setPlanOpen(false)} plan={p} />
    </div>
  );
}

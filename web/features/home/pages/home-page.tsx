import { Alert, Card, Col, Empty, List, Row, Select, Skeleton, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Workbench, WorkbenchFigure, WorkbenchFigureKey } from "../../../../contracts/workbench.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { useMe } from "../../../app/session.tsx";
import { brand } from "../../../app/theme.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { useWorkbench } from "../api/get-workbench.ts";
import { RegistryCounts } from "../components/registry-counts.tsx";

/** Figures that mean something is late: shown in red while above zero. */
const alarming = new Set<WorkbenchFigureKey>(["overdueProblems", "unitOverdueProblems", "developmentOverdue", "overdueLoans"]);

function FigureCard({ f }: { f: WorkbenchFigure }) {
  const { t } = useTranslation("home");
  const late = alarming.has(f.key) && f.value > 0;
  return (
    <Link to={f.link} data-testid={`figure-${f.key}`} aria-label={`${t(`workbench.figure.${f.key}`)}: ${f.value}`}>
      <Card size="small" hoverable style={{ borderTop: `3px solid ${late ? brand.red : brand.gold}`, height: "100%" }}>
        <Typography.Text type="secondary">{t(`workbench.figure.${f.key}`)}</Typography.Text>
        <div
          style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3, color: late ? brand.red : brand.deepRed }}
          data-testid={`figure-${f.key}-value`}
        >
          {f.value}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`workbench.hint.${f.key}`)}
        </Typography.Text>
      </Card>
    </Link>
  );
}

function Figures({ figures }: { figures: WorkbenchFigure[] }) {
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={4}>
          <FigureCard f={f} />
        </Col>
      ))}
    </Row>
  );
}

function Section({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: React.ReactNode;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <div style={{ marginBottom: 24 }} data-testid={testId}>
      <div style={{ display: "flex", alignItems: "baseline", gap: 12, margin: "0 0 12px" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </div>
  );
}

function PartyPart({ party }: { party: NonNullable<Workbench["party"]> }) {
  const { t } = useTranslation(["home", "party"]);
  return (
    <Section title={t("workbench.party")} testId="workbench-party">
      <Figures figures={party.figures} />
      <Card size="small" title={t("workbench.meetingsDueTitle")} style={{ marginTop: 16 }}>
        {party.meetingsDue.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("workbench.meetingsDueNone")} />
        ) : (
          <List
            size="small"
            dataSource={party.meetingsDue}
            renderItem={(m) => (
              <List.Item extra={<Link to={m.link}>{t("workbench.open")}</Link>}>
                <span style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
                  <Tag color="red">{t(`party:kind.${m.kind}`)}</Tag>
                  <span>{m.branchName}</span>
                  <Typography.Text type="secondary">
                    {m.scheduledOn ? t("workbench.scheduledOn", { date: m.scheduledOn }) : t("workbench.dueBy", { date: m.dueBy })}
                  </Typography.Text>
                </span>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Section>
  );
}

function UnitPart({ unit }: { unit: NonNullable<Workbench["unit"]> }) {
  const { t } = useTranslation(["home", "problems"]);
  return (
    <Section
      title={t("workbench.unit")}
      extra={unit.unitName && <Typography.Text type="secondary">{unit.unitName}</Typography.Text>}
      testId="workbench-unit"
    >
      <Figures figures={unit.figures} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t("workbench.unitProblemsTitle")} extra={<Link to="/problems?tab=mine">{t("workbench.all")}</Link>}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={unit.problems}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("workbench.unitProblemsNone")} /> }}
              scroll={{ x: 520 }}
              columns={[
                {
                  title: t("workbench.column.problem"),
                  key: "title",
                  render: (_: unknown, p) => (
                    <Link to={p.link}>
                      <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                        {p.code}
                      </Typography.Text>
                      {p.title}
                    </Link>
                  ),
                },
                {
                  title: t("workbench.column.status"),
                  dataIndex: "status",
                  width: 100,
                  render: (s: string) => <Tag>{t(`problems:status.${s}`)}</Tag>,
                },
                {
                  title: t("workbench.column.dueAt"),
                  key: "dueAt",
                  width: 150,
                  render: (_: unknown, p) =>
                    p.dueAt ? (
                      <span style={{ color: p.overdue ? brand.red : undefined }}>
                        {formatDate(p.dueAt)}
                        {p.overdue && (
                          <Tag color="red" style={{ marginLeft: 6 }}>
                            {t("workbench.overdue")}
                          </Tag>
                        )}
                      </span>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t("workbench.dutyTitle")} extra={<Link to={unit.dutyLink}>{t("workbench.all")}</Link>}>
            {unit.dutyDays.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("workbench.dutyNone")} />
            ) : (
              <List
                size="small"
                dataSource={unit.dutyDays}
                renderItem={(d) => (
                  <List.Item
                    extra={
                      <Typography.Text type="secondary">
                        {t("workbench.booked", { booked: d.booked, capacity: d.capacity })}
                      </Typography.Text>
                    }
                  >
                    <span style={{ fontVariantNumeric: "tabular-nums" }}>
                      {d.date} {d.startTime}–{d.endTime}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Section>
  );
}

function StationsPart({ stations }: { stations: NonNullable<Workbench["stations"]> }) {
  const { t } = useTranslation("home");
  const keys = stations[0]?.figures.map((f) => f.key) ?? [];
  return (
    <Section title={t("workbench.stations")} testId="workbench-stations">
      <Card size="small">
        <Table
          rowKey="stationId"
          size="small"
          pagination={false}
          dataSource={stations}
          scroll={{ x: 760 }}
          columns={[
            { title: t("workbench.column.station"), dataIndex: "name", key: "name", fixed: "left", width: 200 },
            ...keys.map((key) => ({
              title: t(`workbench.figure.${key}`),
              key,
              align: "right" as const,
              render: (_: unknown, row: (typeof stations)[number]) => {
                const f = row.figures.find((x) => x.key === key);
                if (!f) return "—";
                const late = alarming.has(f.key) && f.value > 0;
                return (
                  <Link
                    to={f.link}
                    data-testid={`station-${row.stationId}-${key}`}
                    style={{ fontWeight: 600, color: f.value === 0 ? "rgba(0, 0, 0, 0.45)" : late ? brand.red : brand.deepRed }}
                  >
                    {f.value}
                  </Link>
                );
              },
            })),
          ]}
        />
      </Card>
    </Section>
  );
}

/** The console's home: the signed-in account's workbench (what waits for it), then the registry's counts. */
export default function HomePage() {
  const { t } = useTranslation("home");
  const me = useMe();
  const list = useListParams(["stationId"]);
  const stationId = list.filters.stationId ? Number(list.filters.stationId) : undefined;
  const workbench = useWorkbench(stationId);
  const w = workbench.data;

  return (
    <div>
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 16, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("workbench.title")}
        </Typography.Title>
        {w && (
          <Typography.Text type="secondary" data-testid="workbench-computed-at">
            {t("workbench.computedAt", { at: formatDateTime(w.computedAt) })}
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        {me.stations.length > 1 && (
          <Select
            allowClear
            placeholder={t("allStations")}
            style={{ width: 220 }}
            value={stationId}
            onChange={(value) => list.update({ stationId: value })}
            options={me.stations.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="home-station"
          />
        )}
      </div>
      {workbench.isError && <Alert type="error" showIcon title={errorMessage(workbench.error)} style={{ marginBottom: 16 }} />}
      {workbench.isPending ? (
        <Skeleton active />
      ) : (
        w && (
          <>
            {w.station && (
              <Section title={t("workbench.today")} testId="workbench-station">
                <Figures figures={w.station} />
              </Section>
            )}
            {w.stations && <StationsPart stations={w.stations} />}
            {w.party && <PartyPart party={w.party} />}
            {w.unit && <UnitPart unit={w.unit} />}
            {(w.station || w.stations) && <RegistryCounts stationId={stationId} />}
          </>
        )
      )}
    </div>
  );
}

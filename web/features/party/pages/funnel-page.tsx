import { Alert, Card, Col, Empty, Row, Select, Skeleton, Statistic, Table, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { developmentStages } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { useFunnel } from "../api/get-funnel.ts";
import { useBranches } from "../api/list-branches.ts";
import type { Funnel } from "../api/types.ts";

const FunnelChart = lazy(() => import("../components/funnel-chart.tsx"));

const counts: Record<(typeof developmentStages)[number], keyof Funnel> = {
  applicant: "applicants",
  activist: "activists",
  candidate: "candidates",
  probationary: "probationary",
  full: "full",
};

/** How many people are at each stage for a branch, community or district; and the totals since the start. */
export default function FunnelPage() {
  const { t } = useTranslation("party");
  const list = useListParams(["orgUnitId"]);
  const orgUnitId = list.filters.orgUnitId ? Number(list.filters.orgUnitId) : undefined;
  const funnel = useFunnel(orgUnitId);
  const branches = useBranches();
  const units = new Map<number, string>();
  for (const b of branches.data ?? []) units.set(b.orgUnitId, b.orgUnitName);
  const data = funnel.data;
  const chartData = useMemo(
    () => (data ? developmentStages.map((s) => ({ name: t(`stage.${s}`), value: data[counts[s]] as number })) : []),
    [data, t],
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("funnel.title")}
        </Typography.Title>
        <span>{t("funnel.scope")}</span>
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t("funnel.myScope")}
          value={orgUnitId}
          onChange={(v) => list.update({ orgUnitId: v })}
          options={[...units].map(([value, label]) => ({ value, label }))}
          data-testid="funnel-scope"
        />
      </div>
      {funnel.isError && <Alert type="error" showIcon title={errorMessage(funnel.error)} style={{ marginBottom: 16 }} />}
      {funnel.isPending ? (
        <Skeleton active />
      ) : data ? (
        <>
          <Typography.Title level={5}>{t("funnel.ever")}</Typography.Title>
          <Row gutter={16} style={{ marginBottom: 24 }} data-testid="funnel-ever">
            {(["everApplied", "everActivists", "everCandidates"] as const).map((key) => (
              <Col xs={24} sm={8} key={key}>
                <Card size="small" style={{ background: "#fff7f0", borderColor: "#ffd8bf" }}>
                  <Statistic
                    title={t(`funnel.${key}`)}
                    value={data[key]}
                    suffix={t("funnel.people")}
                    styles={{ content: { color: "#a8071a" } }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t("funnel.current")}</Typography.Title>
              <Suspense fallback={<Skeleton active />}>
                <FunnelChart data={chartData} />
              </Suspense>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t("funnel.byBranch")}</Typography.Title>
              <Table
                rowKey="branchId"
                size="small"
                pagination={false}
                dataSource={data.byBranch}
                locale={{ emptyText: <Empty /> }}
                columns={[
                  { title: t("branch"), dataIndex: "name" },
                  { title: t("stage.applicant"), dataIndex: "applicants", width: 80, align: "right" },
                  { title: t("stage.activist"), dataIndex: "activists", width: 80, align: "right" },
                  { title: t("stage.candidate"), dataIndex: "candidates", width: 80, align: "right" },
                  { title: t("stage.probationary"), dataIndex: "probationary", width: 80, align: "right" },
                ]}
              />
            </Col>
          </Row>
        </>
      ) : null}
    </Card>
  );
}

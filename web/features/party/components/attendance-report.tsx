import { Alert, Empty, List, Progress, Skeleton, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { useAttendance } from "../api/get-attendance.ts";
import { useBranches } from "../api/list-branches.ts";
import type { AttendanceReport as Report } from "../api/types.ts";

/** Attendance per member for the year, and the required meetings missing in their period with the rule. */
export function AttendanceReport({ branchId, year }: { branchId?: number; year: number }) {
  const { t } = useTranslation("party");
  // The report is per branch: without a choice, the first station branch in scope.
  const branches = useBranches();
  const chosen = branchId ?? branches.data?.find((b) => b.kind === "branch")?.id ?? branches.data?.[0]?.id;
  const report = useAttendance({ branchId: chosen, year }, chosen !== undefined);
  if (branches.isSuccess && chosen === undefined) return <Empty />;
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <Alert type="error" showIcon title={errorMessage(report.error)} />;
  const data = report.data;
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", gap: 24 }}>
      <Table<Report["members"][number]>
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={data.members}
        locale={{ emptyText: <Empty /> }}
        columns={[
          { title: t("field.member"), dataIndex: "name" },
          { title: t("branchLife.attended"), dataIndex: "attended", width: 90, align: "right" },
          { title: t("branchLife.required"), dataIndex: "required", width: 90, align: "right" },
          {
            title: t("branchLife.rate"),
            key: "rate",
            width: 180,
            render: (_: unknown, r) => {
              const percent = r.required > 0 ? Math.round((r.attended / r.required) * 100) : 100;
              return <Progress percent={Math.min(percent, 100)} size="small" status={percent < 80 ? "exception" : "normal"} />;
            },
          },
        ]}
      />
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t("branchLife.missing")}
        </Typography.Title>
        {data.missing.length === 0 ? (
          <Alert type="success" showIcon title={t("branchLife.missingNone")} />
        ) : (
          <List
            size="small"
            bordered
            dataSource={data.missing}
            data-testid="missing-meetings"
            renderItem={(m) => (
              <List.Item>
                <div>
                  <div>
                    <Tag color="warning">{t(`kind.${m.kind}`)}</Tag>
                    <Typography.Text strong>{m.period}</Typography.Text>
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.rule}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </div>
    </div>
  );
}

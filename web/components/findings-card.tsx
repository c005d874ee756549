import { Alert, Card, Empty, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMerchantFindings } from "../api/merchant-findings.ts";
import { errorMessage } from "../app/api-client.ts";
import { formatDateTime } from "../app/format.ts";

/** The fair scale's findings against a merchant: on the merchant's record and the caring shop's page. */
export function FindingsCard({ merchantId, certification = false }: { merchantId: number; certification?: boolean }) {
  const { t } = useTranslation("lending");
  const findings = useMerchantFindings(merchantId);
  const f = findings.data;
  return (
    <Card
      title={t("findings.title")}
      size="small"
      loading={findings.isPending}
      extra={certification ? <Typography.Text type="secondary">{t("findings.certification")}</Typography.Text> : null}
      data-testid="merchant-findings"
    >
      {findings.isError && <Alert type="error" showIcon title={errorMessage(findings.error)} />}
      {f && (
        <>
          <Typography.Paragraph type={f.lastYear > 0 ? "danger" : "secondary"} style={{ marginBottom: 8 }}>
            {t("findings.summary", { lastYear: f.lastYear, total: f.total, reweighs: f.reweighs })}
          </Typography.Paragraph>
          {f.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("findings.none")} />
          ) : (
            <List
              size="small"
              dataSource={f.items.slice(0, 10)}
              renderItem={(item) => (
                <List.Item>
                  <div style={{ width: "100%" }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                    <div>
                      {item.summary}
                      {item.problemId && (
                        <Link to={`/problems/${item.problemId}`} style={{ marginLeft: 8 }}>
                          <Tag color="red">{t("findings.problem")}</Tag>
                        </Link>
                      )}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { dash, formatDate, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { FindingsCard } from "../../../components/findings-card.tsx";
import { MaskedValue } from "../../../components/masked-value.tsx";
import { useMerchant } from "../api/get-merchant.ts";
import { getMerchantPersonal } from "../api/get-merchant-personal.ts";
import { useMerchantStatusChanges } from "../api/list-merchant-status-changes.ts";
import { MerchantFormDrawer } from "../components/merchant-form-drawer.tsx";
import { MerchantStatusTag } from "../components/merchant-status-tag.tsx";
import { StatusChangeModal } from "../components/status-change-modal.tsx";

export default function MerchantDetailPage() {
  const { t } = useTranslation("merchants");
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const can = useCan();
  const merchant = useMerchant(id);
  const history = useMerchantStatusChanges(id);
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);

  if (merchant.isPending) return <Skeleton active />;
  if (merchant.isError)
    return (
      <Result
        status={merchant.error instanceof ApiError && merchant.error.status === 404 ? "404" : "error"}
        title={errorMessage(merchant.error)}
        extra={<Button onClick={() => navigate("/merchants")}>{t("backToList")}</Button>}
      />
    );
  const m = merchant.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap", marginBottom: 16 }}>
          <Button icon={<ArrowLeftOutlined />} type="text" onClick={() => navigate(-1)} aria-label={t("backToList")} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.name}
          </Typography.Title>
          <MerchantStatusTag status={m.status} />
          {m.isPartyMember && <Tag color="red">{t("partyMember")}</Tag>}
          <div style={{ flex: 1 }} />
          {can("merchant.write") && (
            <Space>
              <Button icon={<SwapOutlined />} onClick={() => setChanging(true)} disabled={m.status === "closed"}>
                {t("changeStatus")}
              </Button>
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common:action.edit")}
              </Button>
            </Space>
          )}
        </div>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "category", label: t("field.category"), children: t(`common:enum.category.${m.category}`) },
            { key: "station", label: t("field.station"), children: m.stationName },
            { key: "operator", label: t("field.operatorName"), children: m.operatorName },
            {
              key: "mobile",
              label: t("field.mobile"),
              children: (
                <MaskedValue
                  value={m.mobile}
                  canReveal={can("personal.unmask")}
                  label={t("revealMobile")}
                  reveal={async () => (await getMerchantPersonal(m.id)).mobile}
                />
              ),
            },
            { key: "credit", label: t("field.creditCode"), children: m.creditCode },
            {
              key: "licence",
              label: t("field.licence"),
              children: `${formatDate(m.licenceValidFrom)} ~ ${formatDate(m.licenceValidTo)}`,
            },
            {
              key: "stalls",
              label: t("field.stalls"),
              children: m.stalls.length ? m.stalls.map((s) => <Tag key={s.id}>{s.code}</Tag>) : "—",
            },
            { key: "created", label: t("field.createdAt"), children: formatDateTime(m.createdAt) },
            { key: "updated", label: t("field.updatedAt"), children: formatDateTime(m.updatedAt) },
            { key: "note", label: t("field.note"), children: dash(m.note), span: "filled" },
          ]}
        />
      </Card>
      <Card title={t("statusHistory")} size="small">
        {history.isError && <Alert type="error" showIcon title={errorMessage(history.error)} />}
        {history.data && history.data.length === 0 && <Empty description={t("noStatusHistory")} />}
        {history.data && history.data.length > 0 && (
          <Timeline
            style={{ marginTop: 12 }}
            items={history.data.map((h) => ({
              key: h.id,
              color: h.toStatus === "open" ? "green" : h.toStatus === "suspended" ? "orange" : "gray",
              content: (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(h.at)}
                  </Typography.Text>
                  <div>
                    {h.fromStatus ? `${t(`common:enum.merchantStatus.${h.fromStatus}`)} → ` : ""}
                    {t(`common:enum.merchantStatus.${h.toStatus}`)}
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {dash(h.actorName)}
                    </Typography.Text>
                  </div>
                  {h.reason && (
                    <Typography.Text type="secondary">
                      {t("reason")}：{h.reason}
                    </Typography.Text>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {can("scale.read") && <FindingsCard merchantId={m.id} />}
      <MerchantFormDrawer open={editing} merchant={m} onClose={() => setEditing(false)} />
      <StatusChangeModal open={changing} merchant={m} onClose={() => setChanging(false)} />
    </Space>
  );
}

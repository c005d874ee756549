import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { dash, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { MaskedValue } from "../../../components/masked-value.tsx";
import { useResident } from "../api/get-resident.ts";
import { useRevealResident } from "../api/get-resident-personal.ts";
import { ResidentFlags } from "../components/resident-flags.tsx";
import { ResidentFormDrawer } from "../components/resident-form-drawer.tsx";

export default function ResidentDetailPage() {
  const { t } = useTranslation("residents");
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const can = useCan();
  const reveal = useRevealResident();
  const resident = useResident(id);
  const [editing, setEditing] = useState(false);

  if (resident.isPending) return <Skeleton active />;
  if (resident.isError)
    return (
      <Result
        status={resident.error instanceof ApiError && resident.error.status === 404 ? "404" : "error"}
        title={errorMessage(resident.error)}
        extra={<Button onClick={() => navigate("/residents")}>{t("backToList")}</Button>}
      />
    );
  const r = resident.data;

  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap", marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} type="text" onClick={() => navigate(-1)} aria-label={t("backToList")} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.name}
        </Typography.Title>
        <ResidentFlags resident={r} />
        <div style={{ flex: 1 }} />
        {can("resident.write") && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t("common:action.edit")}
          </Button>
        )}
      </div>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "station", label: t("field.station"), children: r.stationName },
          {
            key: "gender",
            label: t("field.genderAge"),
            children: `${r.gender ? t(`common:enum.gender.${r.gender}`) : "—"} / ${dash(r.age)}`,
          },
          {
            key: "idNumber",
            label: t("field.idNumber"),
            children: (
              <MaskedValue
                value={r.idNumber}
                canReveal={can("personal.unmask") && r.masked}
                reveal={async () => (await reveal(r.id)).idNumber}
              />
            ),
          },
          {
            key: "mobile",
            label: t("field.mobile"),
            children: (
              <MaskedValue
                value={r.mobile}
                canReveal={can("personal.unmask") && r.masked}
                reveal={async () => (await reveal(r.id)).mobile}
              />
            ),
          },
          { key: "birth", label: t("field.birthYear"), children: dash(r.birthYear) },
          { key: "grid", label: t("field.grid"), children: dash(r.grid) },
          { key: "address", label: t("field.address"), children: dash(r.address), span: "filled" },
          {
            key: "consents",
            label: t("field.consents"),
            span: "filled",
            children: r.consents.length ? r.consents.map((c) => <Tag key={c}>{t(`common:enum.consent.${c}`)}</Tag>) : "—",
          },
          { key: "created", label: t("field.createdAt"), children: formatDateTime(r.createdAt) },
          { key: "updated", label: t("field.updatedAt"), children: formatDateTime(r.updatedAt) },
          { key: "note", label: t("field.note"), children: dash(r.note), span: "filled" },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t("auditNotice")}</Typography.Text>
      </Space>
      <ResidentFormDrawer open={editing} resident={r} onClose={() => setEditing(false)} />
    </Card>
  );
}

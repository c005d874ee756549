// 短信通知设置: which notification kinds the station sends by SMS (each has an approved template in the server's
// configuration; every kind is off until switched on here), and 发送记录, where each message went.
import { Alert, App, Card, Empty, Select, Switch, Table, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { noticeKindLabel, noticeLanguage } from "../../../../contracts/notices.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useMe } from "../../../app/session.tsx";
import { useSetSmsSetting, useSmsSettings } from "../api/webhooks.ts";
import { SmsLog } from "../components/sms-log.tsx";

export default function SmsSettingsPage() {
  const { t, i18n } = useTranslation("interop");
  const { message } = App.useApp();
  const label = (kind: string) => noticeKindLabel(kind, noticeLanguage(i18n.language));
  const me = useMe();
  const [stationId, setStationId] = useState<number | undefined>(me.stations[0]?.id);
  const settings = useSmsSettings(stationId);
  const save = useSetSmsSetting();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "log" ? "log" : "settings";
  const kinds = (settings.data ?? []).map((s) => s.kind);

  const settingsTab = (
    <>
      <Typography.Paragraph type="secondary">{t("sms.intro")}</Typography.Paragraph>
      {settings.isError && <Alert type="error" showIcon title={errorMessage(settings.error)} style={{ marginBottom: 16 }} />}
      <Table<{ kind: string; enabled: boolean }>
        rowKey="kind"
        size="middle"
        loading={settings.isFetching}
        dataSource={settings.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("sms.empty")} /> }}
        columns={[
          {
            title: t("sms.kind"),
            dataIndex: "kind",
            width: 320,
            render: (kind: string) => (
              <>
                {label(kind)}{" "}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {kind}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t("sms.enabled"),
            key: "enabled",
            width: 120,
            render: (_: unknown, row) => (
              <Switch
                checked={row.enabled}
                aria-label={label(row.kind)}
                onChange={async (enabled) => {
                  if (stationId === undefined) return;
                  try {
                    await save.mutateAsync({ stationId, kind: row.kind, enabled });
                  } catch (error) {
                    message.error(errorMessage(error));
                  }
                }}
              />
            ),
          },
        ]}
      />
    </>
  );

  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("sms.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        {me.stations.length > 1 && (
          <Select
            style={{ width: 220 }}
            value={stationId}
            onChange={setStationId}
            aria-label={t("field.station")}
            options={me.stations.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "log" ? { tab: "log" } : {}, { replace: true })}
        items={[
          { key: "settings", label: t("sms.tabSettings"), children: settingsTab },
          { key: "log", label: t("sms.tabLog"), children: <SmsLog stationId={stationId} kinds={kinds} /> },
        ]}
      />
    </Card>
  );
}

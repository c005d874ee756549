import { useMutation } from "@tanstack/react-query";
import { Button, Form, Radio, Selector, Space, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ClosureCause, closureCauses } from "../../../../contracts/economy.ts";
import type { MerchantStatus } from "../../../../contracts/merchants.ts";
import { api, errorMessage } from "../../../app/api-client.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";

/** 经营状况确认: the merchant confirms this month's operating status (with the cause when not open). */
export default function OperatingPage() {
  const { t } = useTranslation("economy");
  const [status, setStatus] = useState<MerchantStatus>("open");
  const [cause, setCause] = useState<ClosureCause | null>(null);
  const [reason, setReason] = useState("");
  const confirm = useMutation({
    mutationFn: () =>
      api.post<{ month: string }>("/api/me/operating-months", { status, cause: status === "open" ? null : cause, reason: reason || null }),
  });
  const submit = async () => {
    try {
      await confirm.mutateAsync();
      Toast.show({ icon: "success", content: t("m.operatingDone") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  return (
    <PageShell title={t("entry.operating")}>
      <p className="dd-muted" style={{ margin: "12px 16px 0", fontSize: 14, lineHeight: 1.6 }}>
        {t("m.operatingIntro")}
      </p>
      <Form layout="vertical" data-testid="operating-form">
        <Form.Item label={t("field.status")}>
          <Radio.Group value={status} onChange={(v) => setStatus(v as MerchantStatus)}>
            <Space direction="vertical">
              {(["open", "suspended", "closed"] as const).map((s) => (
                <Radio key={s} value={s} data-testid={`operating-${s}`}>
                  {t(`common:enum.merchantStatus.${s}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {status !== "open" && (
          <>
            <Form.Item label={t("field.cause")}>
              <Selector
                columns={3}
                options={closureCauses.map((c) => ({ value: c, label: t(`cause.${c}`) }))}
                value={cause ? [cause] : []}
                onChange={(v) => setCause((v[0] as ClosureCause) ?? null)}
              />
            </Form.Item>
            <Form.Item label={t("field.reason")}>
              <TextArea value={reason} onChange={setReason} rows={2} maxLength={200} />
            </Form.Item>
          </>
        )}
        <div style={{ padding: "0 16px 16px" }}>
          <Button block color="primary" loading={confirm.isPending} onClick={submit} data-testid="operating-submit">
            {t("m.operatingSubmit")}
          </Button>
        </div>
      </Form>
    </PageShell>
  );
}

import { EyeOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../app/api-client.ts";

/** A masked personal value with a button that fetches the full one (the server audits each reveal). */
export function MaskedValue({
  value,
  reveal,
  canReveal,
  label,
}: {
  value: string | null;
  reveal: () => Promise<string | null>;
  canReveal: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!value) return <span>—</span>;
  const show = async () => {
    setLoading(true);
    try {
      setFull((await reveal()) ?? "—");
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={4}>
      <span style={{ fontVariantNumeric: "tabular-nums" }}>{full ?? value}</span>
      {canReveal && full === null && (
        <Button size="small" type="link" icon={<EyeOutlined />} loading={loading} onClick={show}>
          {label ?? t("action.reveal")}
        </Button>
      )}
    </Space>
  );
}

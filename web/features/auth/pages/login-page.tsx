import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Segmented, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { loginSchema } from "../../../../contracts/auth.ts";
import { landingPath, sendToPhone, usesConsole } from "../../../app/access.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { validateWith } from "../../../app/form-errors.ts";
import { useLanguage } from "../../../app/language.ts";
import { useMeQuery } from "../../../app/session.tsx";
import { brand } from "../../../app/theme.ts";
import { useLogin } from "../api/login.ts";
import { setLocale } from "../api/set-locale.ts";

interface LoginValues {
  username: string;
  password: string;
}

function safeNext(next: string | null): string | null {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : null;
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const meQuery = useMeQuery();
  const [language, setLanguage] = useLanguage();
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(params.get("next"));

  if (meQuery.data && !login.isPending) return <Navigate to={next ?? landingPath(meQuery.data.actions)} replace />;

  const submit = async () => {
    setFailure(null);
    const checked = validateWith(loginSchema, form.getFieldsValue(), form);
    if (!checked.ok) return;
    try {
      const { me } = await login.mutateAsync(checked.data);
      if (me.locale !== language) setLocale(language).catch(() => undefined);
      if (!usesConsole(me.role)) return sendToPhone();
      navigate(next ?? landingPath(me.actions), { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: `linear-gradient(160deg, ${brand.deepRed} 0%, ${brand.red} 45%, #f5f5f5 45%)`,
        padding: 16,
      }}
    >
      <Card style={{ width: 400, maxWidth: "100%", boxShadow: "0 8px 24px rgba(0,0,0,0.12)" }}>
        <div style={{ display: "flex", justifyContent: "flex-end" }}>
          <Segmented
            size="small"
            value={language}
            options={[
              { label: "中文", value: "zh-CN" },
              { label: "EN", value: "en" },
            ]}
            onChange={(value) => setLanguage(value as "zh-CN" | "en")}
          />
        </div>
        <div style={{ textAlign: "center", margin: "8px 0 24px" }}>
          <div style={{ fontSize: 36, lineHeight: 1, color: brand.gold }} aria-hidden>
            ✿
          </div>
          <Typography.Title level={3} style={{ margin: "8px 0 4px", color: brand.deepRed }}>
            {t("common:app.name")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("common:app.subtitle")}</Typography.Text>
        </div>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t("username")}>
            <Input prefix={<UserOutlined />} placeholder={t("usernamePlaceholder")} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t("password")}>
            <Input.Password prefix={<LockOutlined />} placeholder={t("passwordPlaceholder")} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t("signIn")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

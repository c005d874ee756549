import { Button, ErrorBlock, Form, Input, NoticeBar } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { loginSchema } from "../../../contracts/auth.ts";
import { errorMessage } from "../../app/api-client.ts";
import { translateValidation } from "../../app/form-errors.ts";
import { useLanguage } from "../../app/language.ts";
import { useMeQuery } from "../../app/session.tsx";
import { useLogin } from "../../features/auth/api/login.ts";
import { setLocale } from "../../features/auth/api/set-locale.ts";
import { LanguageSwitch } from "../language-switch.tsx";

export default function LoginPage() {
  const { t } = useTranslation("mobile");
  const navigate = useNavigate();
  const me = useMeQuery();
  const login = useLogin();
  const [language] = useLanguage();
  const [params] = useSearchParams();
  // Only in-app paths: never send someone to another site after signing in.
  const nextParam = params.get("next") ?? "/";
  const next = nextParam.startsWith("/") && !nextParam.startsWith("//") ? nextParam : "/";
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = async () => {
    setFailure(null);
    const parsed = loginSchema.safeParse({ username, password });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] = translateValidation(issue.message);
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    try {
      const result = await login.mutateAsync(parsed.data);
      if (result.me.locale !== language) setLocale(language).catch(() => undefined);
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div style={{ minHeight: "100vh", background: "#fff" }}>
      <div className="dd-hero">
        <div className="dd-gold" style={{ fontSize: 36 }} aria-hidden>
          ✿
        </div>
        <h1>{t("common:app.name")}</h1>
        <p>{t("tagline")}</p>
      </div>
      {failure && <NoticeBar content={failure} color="error" wrap data-testid="login-error" />}
      <Form
        layout="vertical"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={login.isPending}>
            {t("auth:signIn")}
          </Button>
        }
      >
        <Form.Item label={t("auth:username")}>
          <Input value={username} onChange={setUsername} placeholder={t("auth:usernamePlaceholder")} autoComplete="username" clearable />
        </Form.Item>
        {fieldErrors.username && <ErrorLine text={fieldErrors.username} />}
        <Form.Item label={t("auth:password")}>
          <Input
            value={password}
            onChange={setPassword}
            type="password"
            placeholder={t("auth:passwordPlaceholder")}
            autoComplete="current-password"
          />
        </Form.Item>
        {fieldErrors.password && <ErrorLine text={fieldErrors.password} />}
      </Form>
      <div style={{ padding: "8px 16px 24px" }}>
        <LanguageSwitch />
      </div>
      {me.isError && <ErrorBlock status="default" title={errorMessage(me.error)} />}
    </div>
  );
}

function ErrorLine({ text }: { text: string }) {
  return <div style={{ color: "var(--adm-color-danger)", padding: "0 16px 8px", fontSize: 13 }}>{text}</div>;
}

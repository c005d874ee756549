import { Button, Result } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import type { Action } from "../../contracts/access.ts";
import { sendToPhone, usesConsole } from "./access.ts";
import { errorMessage, setUnauthorizedListener } from "./api-client.ts";
import { PageFallback } from "./layout.tsx";
import { queryClient } from "./providers.tsx";
import { MeProvider, meQueryKey, useMe, useMeQuery } from "./session.tsx";

/** Below this, someone is signed in; any 401 later sends them to the login page, keeping where they were. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const meQuery = useMeQuery();

  useEffect(() => {
    setUnauthorizedListener(() => {
      const wanted = `${window.location.pathname}${window.location.search}`;
      queryClient.setQueryData(meQueryKey, null);
      navigate(`/login?next=${encodeURIComponent(wanted)}`, { replace: true });
    });
    return () => setUnauthorizedListener(null);
  }, [navigate]);

  if (meQuery.isPending) return <PageFallback />;
  if (meQuery.isError)
    return (
      <Result
        status="error"
        title={errorMessage(meQuery.error)}
        extra={<Button onClick={() => meQuery.refetch()}>{t("action.retry")}</Button>}
      />
    );
  if (!meQuery.data) {
    const wanted = `${location.pathname}${location.search}`;
    return <Navigate to={wanted === "/" ? "/login" : `/login?next=${encodeURIComponent(wanted)}`} replace />;
  }
  if (!usesConsole(meQuery.data.role)) return <SendToPhone />;
  return <MeProvider me={meQuery.data}>{children}</MeProvider>;
}

/** Merchants, residents and volunteers who open the console land on the phone app instead. */
function SendToPhone() {
  useEffect(() => sendToPhone(), []);
  return <PageFallback />;
}

export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const me = useMe();
  if (!me.actions.includes(action)) return <ForbiddenPage />;
  return children;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t("page.forbidden")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("action.backHome")}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("page.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("action.backHome")}
        </Button>
      }
    />
  );
}

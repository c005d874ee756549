import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider, DotLoading } from "antd-mobile";
import enUSModule from "antd-mobile/es/locales/en-US.js";
import zhCNModule from "antd-mobile/es/locales/zh-CN.js";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from "react-router";
import { ApiError, setUnauthorizedListener } from "../app/api-client.ts";
import { meQueryKey, useMeQuery } from "../app/session.tsx";

type MobileLocale = Parameters<typeof ConfigProvider>[0]["locale"];
// antd-mobile/es is ESM; TypeScript reads the package as CommonJS, hence the cast (see app/providers.tsx).
const enUS = enUSModule as unknown as MobileLocale;
const zhCN = zhCNModule as unknown as MobileLocale;

const LoginPage = lazy(() => import("./pages/login-page.tsx"));
const ProfilePage = lazy(() => import("./pages/profile-page.tsx"));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

export function Loading() {
  return (
    <div style={{ padding: 64, textAlign: "center", fontSize: 24 }}>
      <DotLoading color="primary" />
    </div>
  );
}

function RequireMe({ children }: { children: React.ReactNode }) {
  const me = useMeQuery();
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedListener(() => {
      queryClient.setQueryData(meQueryKey, null);
      navigate("/login", { replace: true });
    });
    return () => setUnauthorizedListener(null);
  }, [navigate]);
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace />;
  return children;
}

export function MobileApp() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === "en" ? enUS : zhCN}>
        <BrowserRouter basename="/m">
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/"
                element={
                  <RequireMe>
                    <ProfilePage />
                  </RequireMe>
                }
              />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

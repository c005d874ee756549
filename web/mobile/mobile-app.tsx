import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider, DotLoading, reduceMotion } from "antd-mobile";
import enUSModule from "antd-mobile/es/locales/en-US.js";
import zhCNModule from "antd-mobile/es/locales/zh-CN.js";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { ApiError, setUnauthorizedListener } from "../app/api-client.ts";
import { allMobileRoutes } from "../app/feature.ts";
import { reducedMotion } from "../app/motion.ts";
import { meQueryKey, useMeQuery } from "../app/session.tsx";
import ProfilePage from "./pages/profile-page.tsx";

type MobileLocale = Parameters<typeof ConfigProvider>[0]["locale"];
// antd-mobile/es is ESM; TypeScript reads the package as CommonJS, hence the cast (see app/providers.tsx).
const enUS = enUSModule as unknown as MobileLocale;
const zhCN = zhCNModule as unknown as MobileLocale;

// Popups, toasts and swipes settle at once for a person who asked their system for less motion.
if (reducedMotion) reduceMotion();

const loginPage = () => import("./pages/login-page.tsx");
// Opened at the login screen (a new phone, a signed-out one), its code is asked for with the app's, not after.
if (/^\/m\/login/.test(window.location.pathname)) void loginPage();
const LoginPage = lazy(loginPage);
// The home screen is the first screen after signing in: part of the entry, so its code comes with the app's in the
// first round of requests (the page declares them all), and no Suspense holds it back once the session is known.
const ReportPage = lazy(() => import("./pages/report-page.tsx"));
const MyProblemsPage = lazy(() => import("./pages/my-problems-page.tsx"));
const ProblemPage = lazy(() => import("./pages/problem-page.tsx"));
const BoardPage = lazy(() => import("./pages/board-page.tsx"));
const NotificationsPage = lazy(() => import("./pages/notifications-page.tsx"));
const NeedPage = lazy(() => import("./pages/need-page.tsx"));
const CheckInPage = lazy(() => import("./pages/checkin-page.tsx"));
const PioneersPage = lazy(() => import("./pages/pioneers-page.tsx"));
const CardsPage = lazy(() => import("./pages/cards-page.tsx"));
const RedeemPage = lazy(() => import("./pages/redeem-page.tsx"));
const MealsPage = lazy(() => import("./pages/meals-page.tsx"));
const HonourPage = lazy(() => import("./pages/honour-page.tsx"));
const RoundsPage = lazy(() => import("./pages/rounds-page.tsx"));
const ServicesPage = lazy(() => import("./pages/services-page.tsx"));
const ServiceRequestPage = lazy(() => import("./pages/service-request-page.tsx"));
const RedShieldPage = lazy(() => import("./pages/red-shield-page.tsx"));
const LoansPage = lazy(() => import("./pages/loans-page.tsx"));
const ReweighPage = lazy(() => import("./pages/reweigh-page.tsx"));

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

/** Where to come back to after signing in (e.g. the check-in link a phone opened). */
function loginPath(pathname: string, search: string): string {
  const wanted = `${pathname}${search}`;
  return wanted === "/" ? "/login" : `/login?next=${encodeURIComponent(wanted)}`;
}

function RequireMe({ children }: { children: React.ReactNode }) {
  const me = useMeQuery();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthorizedListener(() => {
      queryClient.setQueryData(meQueryKey, null);
      navigate(loginPath(window.location.pathname.replace(/^\/m/, "") || "/", window.location.search), { replace: true });
    });
    return () => setUnauthorizedListener(null);
  }, [navigate]);
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to={loginPath(location.pathname, location.search)} replace />;
  return children;
}

const guarded = (page: React.ReactNode) => <RequireMe>{page}</RequireMe>;

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
              <Route path="/report" element={guarded(<ReportPage />)} />
              <Route path="/problems" element={guarded(<MyProblemsPage />)} />
              <Route path="/problems/:id" element={guarded(<ProblemPage />)} />
              <Route path="/notifications" element={guarded(<NotificationsPage />)} />
              <Route path="/need" element={guarded(<NeedPage />)} />
              <Route path="/checkin" element={guarded(<CheckInPage />)} />
              <Route path="/board" element={<BoardPage />} />
              <Route path="/pioneers" element={<PioneersPage />} />
              <Route path="/cards" element={guarded(<CardsPage />)} />
              <Route path="/redeem" element={guarded(<RedeemPage />)} />
              <Route path="/meals" element={guarded(<MealsPage />)} />
              <Route path="/honour" element={<HonourPage />} />
              <Route path="/rounds" element={guarded(<RoundsPage />)} />
              <Route path="/services" element={guarded(<ServicesPage />)} />
              <Route path="/services/requests/:id" element={guarded(<ServiceRequestPage />)} />
              <Route path="/red-shield" element={guarded(<RedShieldPage />)} />
              <Route path="/loans" element={guarded(<LoansPage />)} />
              <Route path="/reweigh" element={guarded(<ReweighPage />)} />
              {allMobileRoutes.map((r) => (
                <Route key={r.path} path={r.path} element={r.public ? <r.page /> : guarded(<r.page />)} />
              ))}
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

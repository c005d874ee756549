import { lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import type { Action } from "../../contracts/access.ts";
import { landingPath } from "./access.ts";
import { ForbiddenPage, NotFoundPage, RequireAction, RequireAuth } from "./guards.tsx";
import { ConsoleLayout, PageFallback } from "./layout.tsx";
import { useMe } from "./session.tsx";

const LoginPage = lazy(() => import("../features/auth/pages/login-page.tsx"));
const HomePage = lazy(() => import("../features/home/pages/home-page.tsx"));
const MerchantsPage = lazy(() => import("../features/merchants/pages/merchants-page.tsx"));
const MerchantDetailPage = lazy(() => import("../features/merchants/pages/merchant-detail-page.tsx"));
const ResidentsPage = lazy(() => import("../features/residents/pages/residents-page.tsx"));
const ResidentDetailPage = lazy(() => import("../features/residents/pages/resident-detail-page.tsx"));
const StallsPage = lazy(() => import("../features/stalls/pages/stalls-page.tsx"));
const AllianceUnitsPage = lazy(() => import("../features/alliance-units/pages/alliance-units-page.tsx"));
const UsersPage = lazy(() => import("../features/users/pages/users-page.tsx"));
const AuditPage = lazy(() => import("../features/audit/pages/audit-page.tsx"));

function guarded(action: Action, page: ReactNode) {
  return <RequireAction action={action}>{page}</RequireAction>;
}

/** `/` is the home page for those who may read it; others land on their first section. */
function IndexRoute() {
  const me = useMe();
  if (!me.actions.includes("home.read")) return <Navigate to={landingPath(me.actions)} replace />;
  return <HomePage />;
}

export function ConsoleRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <ConsoleLayout />
              </RequireAuth>
            }
          >
            <Route index element={<IndexRoute />} />
            <Route path="merchants" element={guarded("merchant.read", <MerchantsPage />)} />
            <Route path="merchants/:id" element={guarded("merchant.read", <MerchantDetailPage />)} />
            <Route path="residents" element={guarded("resident.read", <ResidentsPage />)} />
            <Route path="residents/:id" element={guarded("resident.read", <ResidentDetailPage />)} />
            <Route path="stalls" element={guarded("stall.read", <StallsPage />)} />
            <Route path="alliance-units" element={guarded("unit.read", <AllianceUnitsPage />)} />
            <Route path="users" element={guarded("user.read", <UsersPage />)} />
            <Route path="audit" element={guarded("audit.read", <AuditPage />)} />
            <Route path="403" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

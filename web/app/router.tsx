import { lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import type { Action } from "../../contracts/access.ts";
import { landingPath } from "./access.ts";
import { allRoutes } from "./feature.ts";
import { ForbiddenPage, NotFoundPage, RequireAction, RequireAuth } from "./guards.tsx";
import { ConsoleLayout, PageFallback } from "./layout.tsx";
import { useMe } from "./session.tsx";

const LoginPage = lazy(() => import("../features/auth/pages/login-page.tsx"));
const HomePage = lazy(() => import("../features/home/pages/home-page.tsx"));

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
            {allRoutes.map((r) => (
              <Route key={r.path} path={r.path} element={guarded(r.action, <r.page />)} />
            ))}
            <Route path="403" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

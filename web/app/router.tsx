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
const ProblemsPage = lazy(() => import("../features/problems/pages/problems-page.tsx"));
const ProblemDetailPage = lazy(() => import("../features/problems/pages/problem-detail-page.tsx"));
const CategoriesPage = lazy(() => import("../features/problems/pages/categories-page.tsx"));
const NeedsPage = lazy(() => import("../features/lists/pages/needs-page.tsx"));
const OffersPage = lazy(() => import("../features/lists/pages/offers-page.tsx"));
const ProjectsPage = lazy(() => import("../features/lists/pages/projects-page.tsx"));
const ProjectDetailPage = lazy(() => import("../features/lists/pages/project-detail-page.tsx"));
const MeetingsPage = lazy(() => import("../features/meetings/pages/meetings-page.tsx"));
const MeetingDetailPage = lazy(() => import("../features/meetings/pages/meeting-detail-page.tsx"));
const ActionItemsPage = lazy(() => import("../features/meetings/pages/action-items-page.tsx"));
const ScorecardPage = lazy(() => import("../features/scorecard/pages/scorecard-page.tsx"));
const PartyMembersPage = lazy(() => import("../features/party/pages/members-page.tsx"));
const DevelopmentPage = lazy(() => import("../features/party/pages/development-page.tsx"));
const CaseDetailPage = lazy(() => import("../features/party/pages/case-detail-page.tsx"));
const FunnelPage = lazy(() => import("../features/party/pages/funnel-page.tsx"));
const BranchLifePage = lazy(() => import("../features/party/pages/branch-life-page.tsx"));
const PioneersPage = lazy(() => import("../features/party/pages/pioneers-page.tsx"));
const CaringRoundsPage = lazy(() => import("../features/caring/pages/rounds-page.tsx"));
const CaringRoundDetailPage = lazy(() => import("../features/caring/pages/round-detail-page.tsx"));
const CaringCardsPage = lazy(() => import("../features/caring/pages/cards-page.tsx"));
const CaringShopsPage = lazy(() => import("../features/caring/pages/shops-page.tsx"));
const CaringShopDetailPage = lazy(() => import("../features/caring/pages/shop-detail-page.tsx"));
const CaringRedemptionsPage = lazy(() => import("../features/caring/pages/redemptions-page.tsx"));
const CaringMealsPage = lazy(() => import("../features/caring/pages/meals-page.tsx"));
const CaringFiguresPage = lazy(() => import("../features/caring/pages/figures-page.tsx"));
const CounterPage = lazy(() => import("../features/counter/pages/counter-page.tsx"));
const ServiceRequestsPage = lazy(() => import("../features/counter/pages/requests-page.tsx"));
const ServiceRequestDetailPage = lazy(() => import("../features/counter/pages/request-detail-page.tsx"));
const ServiceCataloguePage = lazy(() => import("../features/counter/pages/catalogue-page.tsx"));
const RosterPage = lazy(() => import("../features/duty/pages/roster-page.tsx"));
const RedShieldPage = lazy(() => import("../features/duty/pages/red-shield-page.tsx"));
const RedShieldSessionPage = lazy(() => import("../features/duty/pages/red-shield-session-page.tsx"));
const LendingPage = lazy(() => import("../features/lending/pages/lending-page.tsx"));
const FairScalePage = lazy(() => import("../features/lending/pages/fair-scale-page.tsx"));
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
            <Route path="problems" element={guarded("problem.read", <ProblemsPage />)} />
            <Route path="problems/:id" element={guarded("problem.read", <ProblemDetailPage />)} />
            <Route path="problem-categories" element={guarded("category.manage", <CategoriesPage />)} />
            <Route path="needs" element={guarded("need.read", <NeedsPage />)} />
            <Route path="offers" element={guarded("offer.read", <OffersPage />)} />
            <Route path="projects" element={guarded("project.read", <ProjectsPage />)} />
            <Route path="projects/:id" element={guarded("project.read", <ProjectDetailPage />)} />
            <Route path="meetings" element={guarded("meeting.read", <MeetingsPage />)} />
            <Route path="meetings/:id" element={guarded("meeting.read", <MeetingDetailPage />)} />
            <Route path="action-items" element={guarded("meeting.read", <ActionItemsPage />)} />
            <Route path="scorecard" element={guarded("scorecard.read", <ScorecardPage />)} />
            <Route path="party/members" element={guarded("party.read", <PartyMembersPage />)} />
            <Route path="party/development" element={guarded("development.read", <DevelopmentPage />)} />
            <Route path="party/development/:id" element={guarded("development.read", <CaseDetailPage />)} />
            <Route path="party/funnel" element={guarded("development.read", <FunnelPage />)} />
            <Route path="party/branch-life" element={guarded("party.read", <BranchLifePage />)} />
            <Route path="party/pioneers" element={guarded("party.read", <PioneersPage />)} />
            <Route path="caring/rounds" element={guarded("caring.read", <CaringRoundsPage />)} />
            <Route path="caring/rounds/:id" element={guarded("caring.read", <CaringRoundDetailPage />)} />
            <Route path="caring/cards" element={guarded("caring.read", <CaringCardsPage />)} />
            <Route path="caring/shops" element={guarded("caring.read", <CaringShopsPage />)} />
            <Route path="caring/shops/:id" element={guarded("caring.read", <CaringShopDetailPage />)} />
            <Route path="caring/redemptions" element={guarded("caring.read", <CaringRedemptionsPage />)} />
            <Route path="caring/meals" element={guarded("caring.read", <CaringMealsPage />)} />
            <Route path="caring/figures" element={guarded("caring.read", <CaringFiguresPage />)} />
            <Route path="services/counter" element={guarded("service.handle", <CounterPage />)} />
            <Route path="services/requests" element={guarded("service.handle", <ServiceRequestsPage />)} />
            <Route path="services/requests/:id" element={guarded("service.handle", <ServiceRequestDetailPage />)} />
            <Route path="services/catalogue" element={guarded("service.read", <ServiceCataloguePage />)} />
            <Route path="services/roster" element={guarded("duty.read", <RosterPage />)} />
            <Route path="services/red-shield" element={guarded("redshield.read", <RedShieldPage />)} />
            <Route path="services/red-shield/:id" element={guarded("redshield.read", <RedShieldSessionPage />)} />
            <Route path="services/lending" element={guarded("lending.read", <LendingPage />)} />
            <Route path="services/fair-scale" element={guarded("scale.read", <FairScalePage />)} />
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

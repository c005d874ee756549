import { Badge, Button, Dialog, Grid, List, Skeleton, Switch, Tag } from "antd-mobile";
import { type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Me } from "../../../contracts/auth.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import { errorMessage } from "../../app/api-client.ts";
import { allMobileEntries, useMobileEntryBadges } from "../../app/feature.ts";
import { frameText } from "../../app/i18n.ts";
import { useMeQuery } from "../../app/session.tsx";
import { useLogout } from "../../features/auth/api/logout.ts";
import { useMyShop } from "../../features/caring/api/my-shop.ts";
import { useUnreadCount } from "../../features/notifications/api/unread-count.ts";
import { useMyMerchant } from "../api/get-my-merchant.ts";
import { useMyParty } from "../api/get-my-party.ts";
import { useMyResident } from "../api/get-my-resident.ts";
import { useElderlyMode } from "../elderly-mode.ts";
import { LanguageSwitch } from "../language-switch.tsx";

function MerchantSection() {
  const { t } = useTranslation("mobile");
  const merchant = useMyMerchant(true);
  if (merchant.isPending) return <Skeleton.Paragraph lineCount={4} animated />;
  if (merchant.isError) return <Unavailable title={t("myMerchant")} error={merchant.error} />;
  const m = merchant.data;
  return (
    <List header={t("myMerchant")} mode="card" data-testid="my-merchant">
      <List.Item extra={m.name}>{t("merchants:field.name")}</List.Item>
      <List.Item extra={t(`common:enum.category.${m.category}`)}>{t("merchants:field.category")}</List.Item>
      <List.Item
        extra={
          <Tag color={m.status === "open" ? "success" : m.status === "suspended" ? "warning" : "default"}>
            {t(`common:enum.merchantStatus.${m.status}`)}
          </Tag>
        }
      >
        {t("merchants:field.status")}
      </List.Item>
      <List.Item extra={m.operatorName}>{t("merchants:field.operatorName")}</List.Item>
      <List.Item extra={m.stalls.map((s) => s.code).join("、") || "—"}>{t("merchants:field.stalls")}</List.Item>
      <List.Item extra={m.creditCode}>{t("merchants:field.creditCode")}</List.Item>
      {m.isPartyMember && (
        <List.Item extra={<Tag color="danger">{t("merchants:partyMember")}</Tag>}>{t("merchants:field.isPartyMember")}</List.Item>
      )}
    </List>
  );
}

/** The signed-in user's own Party member record; shown only when they are a member (the API answers 200). */
function PartySection() {
  const party = useMyParty();
  if (!party.data) return null;
  // The Party's texts are fetched only for a member, beside the rest of the screen.
  return (
    <Suspense fallback={<Skeleton.Paragraph lineCount={4} animated />}>
      <PartyList member={party.data} />
    </Suspense>
  );
}

function PartyList({ member: m }: { member: NonNullable<ReturnType<typeof useMyParty>["data"]> }) {
  const { t } = useTranslation(["mobile", "party"]);
  return (
    <List header={t("myParty")} mode="card" data-testid="my-party">
      <List.Item extra={m.branchName}>{t("party:branch")}</List.Item>
      <List.Item extra={<Tag color={m.status === "full" ? "danger" : "warning"}>{t(`party:memberStatus.${m.status}`)}</Tag>}>
        {t("party:field.status")}
      </List.Item>
      <List.Item extra={m.joinedOn}>{t("party:field.joinedOn")}</List.Item>
      {m.fullOn && <List.Item extra={m.fullOn}>{t("party:field.fullOn")}</List.Item>}
      <List.Item extra={t(`party:role.${m.role}`)}>{t("party:field.role")}</List.Item>
      {m.partyGroup && <List.Item extra={m.partyGroup}>{t("party:field.partyGroup")}</List.Item>}
    </List>
  );
}

function ResidentSection() {
  const { t } = useTranslation("mobile");
  const resident = useMyResident(true);
  if (resident.isPending) return <Skeleton.Paragraph lineCount={4} animated />;
  if (resident.isError) return <Unavailable title={t("myResident")} error={resident.error} />;
  const r = resident.data;
  return (
    <List header={t("myResident")} mode="card" data-testid="my-resident">
      <List.Item extra={r.name}>{t("residents:field.name")}</List.Item>
      <List.Item extra={r.idNumber}>{t("residents:field.idNumber")}</List.Item>
      {r.address && <List.Item extra={r.address}>{t("residents:field.address")}</List.Item>}
      {r.grid && <List.Item extra={r.grid}>{t("residents:field.grid")}</List.Item>}
      {(r.isLiaisonHead || r.isElderly) && (
        <List.Item
          extra={
            <span style={{ display: "inline-flex", gap: 4 }}>
              {r.isLiaisonHead && <Tag color="danger">{t("residents:field.isLiaisonHead")}</Tag>}
              {r.isElderly && <Tag color="warning">{t("residents:elderly")}</Tag>}
            </span>
          }
        >
          {t("residents:field.flags")}
        </List.Item>
      )}
    </List>
  );
}

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
const svg = (children: ReactNode) => (
  <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
    {children}
  </svg>
);
/** Line icons drawn here: emoji are missing from many phones' and kiosks' fonts. */
const entryIcons = {
  report: svg(
    <>
      <path d="M3 10v4h4l6 4V6L7 10H3z" />
      <path d="M16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12" />
    </>,
  ),
  mine: svg(
    <>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="M9 8h6M9 12h6M9 16h4" />
    </>,
  ),
  board: svg(
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12l3 3 5-6" />
    </>,
  ),
  notifications: svg(
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </>,
  ),
  need: svg(<path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z" />),
  cards: svg(
    <>
      <rect x="3" y="6" width="18" height="13" rx="2" />
      <path d="M3 10h18M7 15h4" />
    </>,
  ),
  redeem: svg(
    <>
      <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
      <path d="M4 12h16" />
    </>,
  ),
  meals: svg(
    <>
      <path d="M4 13h16a8 8 0 0 1-16 0z" />
      <path d="M12 5v3M8 6v2M16 6v2" />
    </>,
  ),
  rounds: svg(
    <>
      <path d="M4 4h16v12H8l-4 4z" />
      <path d="M8 9h8M8 12h5" />
    </>,
  ),
  honour: svg(
    <>
      <circle cx="12" cy="9" r="5" />
      <path d="M9 13.5L7 21l5-3 5 3-2-7.5" />
    </>,
  ),
  pioneers: svg(
    <>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </>,
  ),
  services: svg(
    <>
      <rect x="4" y="5" width="16" height="15" rx="2" />
      <path d="M4 10h16M9 3v4M15 3v4M8 14h3" />
    </>,
  ),
  redShield: svg(<path d="M12 3l7 3v5c0 5-3 8.5-7 10-4-1.5-7-5-7-10V6z" />),
  loans: svg(
    <>
      <path d="M3 12a9 9 0 0 1 18 0z" />
      <path d="M12 12v6a2 2 0 0 0 4 0" />
    </>,
  ),
  reweigh: svg(
    <>
      <path d="M12 4v16M6 20h12M5 8h14" />
      <path d="M5 8l-2 6a3 3 0 0 0 4 0zM19 8l-2 6a3 3 0 0 0 4 0z" />
    </>,
  ),
};

interface Entry {
  key: string;
  path: string;
  icon: ReactNode;
  show: boolean;
  badge?: number;
  /** The tile's i18n key; `entry.<key>` in the mobile namespace when absent. */
  label?: string;
}

/** The things one does on the phone: report a problem, follow it, the public board, messages, raise a need. */
function Entries({ me }: { me: Me }) {
  const { t } = useTranslation("mobile");
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const has = (action: string) => me.actions.includes(action);
  const badges = useMobileEntryBadges(has);
  const stationId = me.stations[0]?.id;
  // What a merchant may do as a caring shop depends on its shop: only a certified (or suspended) one redeems cards,
  // and only a caring restaurant delivers meals — a supermarket has no 爱心送餐.
  const merchant = me.role === "merchant";
  const shop = useMyShop(merchant && has("card.redeem")).data ?? null;
  const redeems = has("card.redeem") && (!merchant || (shop !== null && (shop.status === "certified" || shop.status === "suspended")));
  const delivers = has("meal.deliver") && (!merchant || shop?.category === "restaurant");
  const entries: Entry[] = [
    { key: "report", path: "/report", icon: entryIcons.report, show: has("problem.report") },
    { key: "mine", path: "/problems", icon: entryIcons.mine, show: has("problem.report") },
    { key: "board", path: stationId ? `/board?stationId=${stationId}` : "/board", icon: entryIcons.board, show: true },
    { key: "notifications", path: "/notifications", icon: entryIcons.notifications, show: true, badge: unread.data?.unread },
    { key: "need", path: "/need", icon: entryIcons.need, show: has("need.raise") },
    { key: "pioneers", path: stationId ? `/pioneers?stationId=${stationId}` : "/pioneers", icon: entryIcons.pioneers, show: true },
    { key: "cards", path: "/cards", icon: entryIcons.cards, show: has("card.hold") },
    { key: "redeem", path: "/redeem", icon: entryIcons.redeem, show: redeems },
    { key: "meals", path: "/meals", icon: entryIcons.meals, show: delivers },
    { key: "rounds", path: "/rounds", icon: entryIcons.rounds, show: has("award.nominate") },
    { key: "services", path: "/services", icon: entryIcons.services, show: has("service.apply") },
    { key: "redShield", path: "/red-shield", icon: entryIcons.redShield, show: has("redshield.book") },
    { key: "loans", path: "/loans", icon: entryIcons.loans, show: has("service.apply") },
    { key: "reweigh", path: "/reweigh", icon: entryIcons.reweigh, show: has("scale.record") },
    { key: "honour", path: stationId ? `/honour?stationId=${stationId}` : "/honour", icon: entryIcons.honour, show: true },
    ...allMobileEntries.map((e) => ({
      key: e.key,
      path: e.path,
      icon: e.icon,
      show: (!e.action || has(e.action)) && (badges[e.key]?.show ?? true),
      badge: badges[e.key]?.count,
      label: e.label,
    })),
  ];
  return (
    <div className="dd-entries" data-testid="entries">
      <Grid columns={3} gap={8}>
        {entries
          .filter((e) => e.show)
          .map((e) => (
            <Grid.Item key={e.key}>
              <button type="button" className="dd-entry" onClick={() => navigate(e.path)} data-testid={`entry-${e.key}`}>
                <Badge content={e.badge ? e.badge : null}>
                  <span className="dd-entry-icon" aria-hidden>
                    {e.icon}
                  </span>
                </Badge>
                <span>{frameText(t, e.label ?? `entry.${e.key}`)}</span>
              </button>
            </Grid.Item>
          ))}
      </Grid>
    </div>
  );
}

/** The record could not be loaded: say so in one line, without a full-page error picture. */
function Unavailable({ title, error }: { title: string; error: unknown }) {
  const { t } = useTranslation("mobile");
  return (
    <List header={title} mode="card">
      <List.Item description={errorMessage(error)}>{t("recordUnavailable")}</List.Item>
    </List>
  );
}

function maskedMobile(me: Me): string {
  if (!me.mobile) return "—";
  return me.mobile.includes("*") ? me.mobile : maskMobile(me.mobile);
}

export default function ProfilePage() {
  const { t } = useTranslation("mobile");
  const navigate = useNavigate();
  const meQuery = useMeQuery();
  const logout = useLogout();
  const [elderly, setElderly] = useElderlyMode();
  const me = meQuery.data;
  if (!me) return null;
  const station = me.stations.length === 1 ? me.stations[0].name : me.orgUnitName;

  const signOut = async () => {
    const ok = await Dialog.confirm({
      content: t("logoutConfirm"),
      confirmText: t("common:action.logout"),
      cancelText: t("common:action.cancel"),
    });
    if (!ok) return;
    await logout.mutateAsync().catch(() => undefined);
    navigate("/login", { replace: true });
  };

  return (
    <div style={{ minHeight: "100vh", paddingBottom: 32 }}>
      <div className="dd-hero">
        <p>{t("welcome")}</p>
        <h1 data-testid="profile-name">{me.displayName}</h1>
        <p>
          <span className="dd-gold">{t(`common:enum.role.${me.role}`)}</span> · {station}
        </p>
      </div>
      <Entries me={me} />
      <List mode="card">
        <List.Item extra={t(`common:enum.role.${me.role}`)}>{t("role")}</List.Item>
        <List.Item extra={station}>{t("station")}</List.Item>
        <List.Item extra={maskedMobile(me)}>{t("mobile")}</List.Item>
        {me.allianceUnitName && <List.Item extra={me.allianceUnitName}>{t("allianceUnit")}</List.Item>}
      </List>
      <PartySection />
      {me.merchantId && <MerchantSection />}
      {me.residentId && <ResidentSection />}
      <List header={t("settings")} mode="card">
        <List.Item description={t("elderlyHint")} extra={<Switch checked={elderly} onChange={setElderly} aria-label={t("elderlyMode")} />}>
          {t("elderlyMode")}
        </List.Item>
        <List.Item>
          <div style={{ marginBottom: 8 }}>{t("language")}</div>
          <LanguageSwitch />
        </List.Item>
      </List>
      <div style={{ padding: "8px 12px" }}>
        <Button block color="danger" fill="outline" size="large" onClick={signOut} loading={logout.isPending}>
          {t("common:action.logout")}
        </Button>
      </div>
    </div>
  );
}

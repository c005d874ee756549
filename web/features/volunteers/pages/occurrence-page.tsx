import { ArrowLeftOutlined, CloseCircleOutlined, QrcodeOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, List, Result, Segmented, Space, Spin, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { stationDate, stationTime } from "../../../../contracts/calendar.ts";
import { PUBLIC_NOTICE_DAYS, type SignupStatus, signupStatuses } from "../../../../contracts/volunteers.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useCertify, useOccurrence } from "../api/occurrences.ts";
import type { OccurrenceDetail, Signup } from "../api/types.ts";
import { CheckInCodeModal } from "../components/checkin-code-modal.tsx";
import { CloseModal } from "../components/close-modal.tsx";
import { CorrectionModal, type CorrectionTarget } from "../components/correction-modal.tsx";
import { hoursOf } from "../components/labels.ts";
import { RosterSection } from "../components/roster-section.tsx";
import { ServedSection } from "../components/served-section.tsx";
import { CertificationTag, OccurrenceStatusTag, SignupStatusTag } from "../components/tags.tsx";
import "../volunteers.css";

/** Check-in opens 30 minutes before the start (the server's CHECKIN_EARLY_MINUTES) and check-out closes 3 hours after the end. */
const SCREEN_FROM_MS = 30 * 60_000;
const SCREEN_UNTIL_MS = 180 * 60_000;

function Hours({ minutes }: { minutes: number | null }) {
  const { t } = useTranslation("volunteers");
  if (minutes === null) return <span>—</span>;
  return (
    <div title={t("roster.minutesTitle", { minutes })} style={{ lineHeight: 1.3 }}>
      <div>{t("roster.hours", { hours: hoursOf(minutes) })}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("roster.minutes", { minutes })}
      </Typography.Text>
    </div>
  );
}

function Header({ o, onCode, onClose }: { o: OccurrenceDetail; onCode: (inWindow: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  const { modal, message } = App.useApp();
  const can = useCan();
  const certify = useCertify();
  const manage = can("volunteer.manage");
  const now = Date.now();
  const ended = now >= Date.parse(o.endsAt);
  const screenOpen = now >= Date.parse(o.startsAt) - SCREEN_FROM_MS && now <= Date.parse(o.endsAt) + SCREEN_UNTIL_MS;
  const attended = o.signups.filter((s) => s.status === "attended");
  const absent = o.signups.filter((s) => s.status === "signed_up").length;
  const minutes = attended.reduce((n, s) => n + (s.minutes ?? 0), 0);

  const runCertify = () =>
    modal.confirm({
      title: t("certify.title"),
      content: t(absent ? "certify.contentAbsent" : "certify.content", {
        attended: attended.length,
        hours: hoursOf(minutes),
        absent,
        days: PUBLIC_NOTICE_DAYS,
      }),
      okText: t("certify.ok"),
      cancelText: t("common:action.cancel"),
      okButtonProps: { "data-testid": "certify-ok" } as never,
      onOk: async () => {
        try {
          await certify.mutateAsync(o.id);
          message.success(t("certify.done", { days: PUBLIC_NOTICE_DAYS }));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const certifyBlocked =
    o.status !== "open"
      ? t(`occurrenceStatus.${o.status}`)
      : !ended
        ? t("certify.notEnded")
        : o.certification !== "uncertified"
          ? t("certify.already")
          : null;

  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
      <Link to={`/volunteer-activities?month=${o.date.slice(0, 7)}`} aria-label={t("occurrence.back")}>
        <ArrowLeftOutlined />
      </Link>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="occurrence-title">
        {o.title}
      </Typography.Title>
      <Typography.Text strong>{o.date}</Typography.Text>
      {o.status === "open" ? <CertificationTag state={o.certification} /> : <OccurrenceStatusTag status={o.status} />}
      <div style={{ flex: 1 }} />
      {manage && o.status === "open" && (
        <Space wrap>
          {o.certification === "uncertified" && (
            <Button icon={<QrcodeOutlined />} onClick={() => onCode(screenOpen)} data-testid="checkin-open">
              {t("checkin.open")}
            </Button>
          )}
          {o.certification === "uncertified" && (
            <Tooltip title={certifyBlocked ?? undefined}>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                onClick={runCertify}
                disabled={certifyBlocked !== null}
                loading={certify.isPending}
                data-testid="certify"
              >
                {t("certify.button")}
              </Button>
            </Tooltip>
          )}
          {!ended && (
            <Button danger icon={<CloseCircleOutlined />} onClick={onClose} data-testid="occurrence-close">
              {o.signups.some((s) => s.status === "signed_up" || s.status === "waitlisted")
                ? t("close.button.cancel")
                : t("close.button.withdraw")}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

/** 场次详情: one occurrence's roster (sign-ups, check-in and check-out, hours), its check-in screen, certification and corrections. */
export default function OccurrencePage() {
  const { t } = useTranslation("volunteers");
  const id = Number(useParams().id);
  const can = useCan();
  const occurrence = useOccurrence(id);
  const [code, setCode] = useState<{ inWindow: boolean } | null>(null);
  const [closing, setClosing] = useState(false);
  const [correcting, setCorrecting] = useState<CorrectionTarget | null>(null);
  const [filter, setFilter] = useState<SignupStatus | "all">("all");
  const correctable = can("volunteer.manage") && occurrence.data?.certification === "publicised";
  const actions = useActionsColumn<Signup>(
    (s) =>
      (s.status === "attended" || s.status === "no_show") && (
        <RowAction onClick={() => setCorrecting({ signup: s })} data-testid={`correct-${s.id}`}>
          {t("correction.button")}
        </RowAction>
      ),
    { width: 90, show: correctable },
  );

  if (occurrence.isPending) return <Spin style={{ display: "block", padding: 80 }} />;
  if (occurrence.isError || !occurrence.data) {
    const missing = occurrence.error instanceof ApiError && occurrence.error.status === 404;
    return (
      <Card>
        <Result
          status={missing ? "404" : "error"}
          title={missing ? t("occurrence.missing") : errorMessage(occurrence.error)}
          extra={<Link to="/volunteer-activities">{t("occurrence.back")}</Link>}
        />
      </Card>
    );
  }
  const o = occurrence.data;
  const teamName = new Map(o.teams.map((team) => [team.teamId, team.teamName]));
  const counts = Object.fromEntries(signupStatuses.map((s) => [s, o.signups.filter((g) => g.status === s).length])) as Record<
    SignupStatus,
    number
  >;
  const shown = filter === "all" ? o.signups : o.signups.filter((s) => s.status === filter);
  const openObjections = o.objections.filter((x) => x.status === "open");

  return (
    <Card>
      <Header o={o} onCode={(inWindow) => setCode({ inWindow })} onClose={() => setClosing(true)} />
      {o.status !== "open" && o.statusReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`occurrenceStatus.${o.status}`)}
          description={o.statusReason}
        />
      )}
      {o.certification === "publicised" && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="publicised-notice"
          title={t("occurrence.publicised", { until: formatDateTime(o.publicUntil) })}
          description={openObjections.length ? t("occurrence.openObjections", { count: openObjections.length }) : undefined}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginBottom: 16 }}
        styles={{ label: { whiteSpace: "nowrap" } }}
      >
        <Descriptions.Item label={t("field.timeWindow")}>{`${stationTime(o.startsAt)}–${stationTime(o.endsAt)}`}</Descriptions.Item>
        <Descriptions.Item label={t("field.place")}>{o.place}</Descriptions.Item>
        <Descriptions.Item label={t("field.signupDeadline")}>{formatDateTime(o.signupDeadline)}</Descriptions.Item>
        <Descriptions.Item label={t("field.places")} span={2}>
          <Space size={[6, 6]} wrap>
            {o.teams.map((team) => (
              <Tag key={team.teamId} color={team.signedUp >= team.places ? "orange" : undefined}>
                {t("occurrence.teamPlaces", { team: team.teamName, taken: team.signedUp, places: team.places })}
                {team.waitlisted > 0 && ` · ${t("occurrence.waiting", { count: team.waitlisted })}`}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("field.certifiedAt")}>
          {o.certifiedAt
            ? t("occurrence.certifiedUntil", { at: formatDateTime(o.certifiedAt), until: formatDateTime(o.publicUntil) })
            : t("occurrence.notCertified")}
        </Descriptions.Item>
      </Descriptions>

      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12, marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("roster.title")}
        </Typography.Title>
        <Segmented<SignupStatus | "all">
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: "all", label: t("roster.all", { count: o.signups.length }) },
            ...signupStatuses.filter((s) => counts[s] > 0).map((s) => ({ value: s, label: `${t(`signupStatus.${s}`)} ${counts[s]}` })),
          ]}
          data-testid="roster-filter"
        />
      </div>
      <Table<Signup>
        rowKey="id"
        size="middle"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1150 }}
        locale={{ emptyText: <Empty description={t("roster.empty")} /> }}
        data-testid="roster"
        columns={[
          { title: t("roster.arrival"), dataIndex: "arrival", width: 60, align: "right" },
          { title: t("field.realName"), dataIndex: "volunteerName", width: 100 },
          {
            title: t("field.number"),
            dataIndex: "volunteerNumber",
            width: 110,
            render: (n: string) => <span style={{ fontFamily: "ui-monospace, Menlo, monospace" }}>{n}</span>,
          },
          { title: t("field.team"), dataIndex: "teamId", width: 180, ellipsis: true, render: (id: number) => teamName.get(id) ?? "—" },
          { title: t("field.status"), dataIndex: "status", width: 90, render: (s: SignupStatus) => <SignupStatusTag status={s} /> },
          {
            title: t("roster.signedUpAt"),
            dataIndex: "signedUpAt",
            width: 110,
            render: (v: string) => `${stationDate(v).slice(5)} ${stationTime(v)}`,
          },
          { title: t("roster.checkedIn"), dataIndex: "checkedInAt", width: 70, render: (v: string | null) => (v ? stationTime(v) : "—") },
          { title: t("roster.checkedOut"), dataIndex: "checkedOutAt", width: 70, render: (v: string | null) => (v ? stationTime(v) : "—") },
          { title: t("roster.hoursTitle"), dataIndex: "minutes", width: 100, render: (m: number | null) => <Hours minutes={m} /> },
          {
            title: t("roster.correction"),
            dataIndex: "correctionReason",
            ellipsis: true,
            width: 160,
            render: (v: string | null) => (v ? <span title={v}>{v}</span> : "—"),
          },
          ...actions,
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("objections.title")}
      </Typography.Title>
      {o.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("objections.none")} />
      ) : (
        <List
          bordered
          data-testid="objections"
          dataSource={o.objections}
          renderItem={(x) => {
            const signup = o.signups.find((s) => s.id === x.signupId);
            return (
              <List.Item
                actions={
                  x.status === "open" && correctable && signup
                    ? [
                        <Button key="answer" type="primary" size="small" onClick={() => setCorrecting({ signup, objection: x })}>
                          {t("objections.answer")}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <span>{signup ? `${signup.volunteerName} · ${signup.volunteerNumber}` : "—"}</span>
                      <Tag color={x.status === "open" ? "gold" : "green"}>{t(`objectionStatus.${x.status}`)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(x.createdAt)}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    <div>
                      <div>{x.reason}</div>
                      {x.resolution && (
                        <div style={{ marginTop: 4, color: "#389e0d" }}>{t("objections.resolution", { text: x.resolution })}</div>
                      )}
                    </div>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      <RosterSection occurrence={o} />
      <ServedSection occurrence={o} />
      <CheckInCodeModal occurrence={o} open={code !== null} inWindow={code?.inWindow ?? true} onClose={() => setCode(null)} />
      <CloseModal occurrence={o} open={closing} onClose={() => setClosing(false)} />
      <CorrectionModal occurrence={o} target={correcting} onClose={() => setCorrecting(null)} />
    </Card>
  );
}

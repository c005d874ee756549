// 名单调整 on the occurrence's page: who was asked the day before and has not confirmed, a member assigned into a
// free place, a signed-up volunteer substituted by another member of the team (leaders or the station), and the
// paper roster entered after the activity with the photo of the signed sheet.
import { Alert, App, Button, Form, Modal, Select, Space, Table, Tag, TimePicker, Typography, type UploadFile } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { paperRosterSchema } from "../../../../contracts/volunteers.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { PhotoUpload, uploadedIds, uploadsPending } from "../../../components/photo-upload.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useAssign, usePaperRoster, useSubstitute } from "../api/roster.ts";
import { useTeamMembers } from "../api/teams.ts";
import type { OccurrenceDetail, Signup } from "../api/types.ts";

const live = (s: Signup) => s.status === "signed_up" || s.status === "attended" || s.status === "waitlisted";

/** Members of a team not already on the occurrence's roster. */
function useFreeMembers(o: OccurrenceDetail, teamId: number | null) {
  const members = useTeamMembers(teamId);
  const taken = new Set(o.signups.filter(live).map((s) => s.volunteerId));
  return (members.data ?? []).filter((m) => m.status === "approved" && !taken.has(m.volunteerId));
}

function MemberModal({
  o,
  mode,
  signup,
  onClose,
}: {
  o: OccurrenceDetail;
  mode: "assign" | "substitute" | null;
  signup?: Signup;
  onClose: () => void;
}) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const [teamId, setTeamId] = useState<number | null>(null);
  const [volunteerId, setVolunteerId] = useState<number | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const assign = useAssign();
  const substitute = useSubstitute();
  const free = useFreeMembers(o, teamId);
  const open = mode !== null;
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    setVolunteerId(undefined);
    setTeamId(signup?.teamId ?? o.teams.find((x) => x.signedUp < x.places)?.teamId ?? o.teams[0]?.teamId ?? null);
  }, [open, signup, o.teams]);
  const submit = async () => {
    if (!volunteerId || !teamId) return setFailure(t("roster2.pickMember"));
    try {
      if (mode === "substitute" && signup) await substitute.mutateAsync({ signupId: signup.id, volunteerId });
      else await assign.mutateAsync({ occurrenceId: o.id, input: { volunteerId, teamId } });
      message.success(t(mode === "substitute" ? "roster2.substituted" : "roster2.assigned"));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={assign.isPending || substitute.isPending}
      title={mode === "substitute" && signup ? t("roster2.substituteTitle", { name: signup.volunteerName }) : t("roster2.assignTitle")}
      okText={t(mode === "substitute" ? "roster2.substitute" : "roster2.assign")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ "data-testid": "member-ok" } as never}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {t(mode === "substitute" ? "roster2.substituteIntro" : "roster2.assignIntro")}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t("field.team")}>
          <Select
            value={teamId ?? undefined}
            disabled={mode === "substitute"}
            onChange={(v: number) => {
              setTeamId(v);
              setVolunteerId(undefined);
            }}
            options={o.teams.map((x) => ({
              value: x.teamId,
              label: t("occurrence.teamPlaces", { team: x.teamName, taken: x.signedUp, places: x.places }),
              disabled: mode === "assign" && x.signedUp >= x.places,
            }))}
            data-testid="member-team"
          />
        </Form.Item>
        <Form.Item label={t("roster2.member")}>
          <Select
            value={volunteerId}
            onChange={setVolunteerId}
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("roster2.pickMember")}
            notFoundContent={t("roster2.noFreeMember")}
            options={free.map((m) => ({ value: m.volunteerId, label: `${m.volunteerName} · ${m.volunteerNumber}` }))}
            data-testid="member-pick"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PaperRow {
  volunteerId: number;
  name: string;
  number: string;
  teamId: number;
  checkedIn?: Dayjs | null;
  checkedOut?: Dayjs | null;
}

function PaperRosterModal({ o, open, onClose }: { o: OccurrenceDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const [rows, setRows] = useState<PaperRow[]>([]);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm();
  const save = usePaperRoster();
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    setPhotos([]);
    setRows(
      o.signups
        .filter((s) => s.status === "signed_up" || s.status === "attended")
        .map((s) => ({ volunteerId: s.volunteerId, name: s.volunteerName, number: s.volunteerNumber, teamId: s.teamId })),
    );
  }, [open, o.signups]);
  const set = (i: number, patch: Partial<PaperRow>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = async () => {
    setFailure(null);
    const entries = rows
      .filter((r) => r.checkedIn && r.checkedOut)
      .map((r) => ({
        volunteerId: r.volunteerId,
        teamId: r.teamId,
        checkedIn: r.checkedIn?.format("HH:mm"),
        checkedOut: r.checkedOut?.format("HH:mm"),
      }));
    const parsed = paperRosterSchema.safeParse({ fileId: uploadedIds(photos)[0] ?? "", entries });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setFailure(
        issue?.path[0] === "fileId"
          ? t("roster2.photoRequired")
          : entries.length === 0
            ? t("roster2.timesRequired")
            : t("roster2.timesInvalid"),
      );
      return;
    }
    try {
      await save.mutateAsync({ occurrenceId: o.id, input: parsed.data });
      message.success(t("roster2.paperSaved", { count: entries.length }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      width={720}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: uploadsPending(photos), "data-testid": "paper-ok" } as never}
      title={t("roster2.paperTitle")}
      okText={t("roster2.paperSave")}
      cancelText={t("common:action.cancel")}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t("roster2.paperIntro")}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label={t("roster2.photo")} required>
          <PhotoUpload value={photos} onChange={setPhotos} max={1} />
        </Form.Item>
      </Form>
      <Table<PaperRow>
        rowKey="volunteerId"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="paper-rows"
        columns={[
          { title: t("field.realName"), dataIndex: "name", width: 100 },
          { title: t("field.number"), dataIndex: "number", width: 110 },
          {
            title: t("roster.checkedIn"),
            key: "in",
            render: (_: unknown, r, i) => (
              <TimePicker
                format="HH:mm"
                minuteStep={1}
                value={r.checkedIn ?? null}
                onChange={(v) => set(i, { checkedIn: v })}
                aria-label={`${r.name} ${t("roster.checkedIn")}`}
              />
            ),
          },
          {
            title: t("roster.checkedOut"),
            key: "out",
            render: (_: unknown, r, i) => (
              <TimePicker
                format="HH:mm"
                minuteStep={1}
                value={r.checkedOut ?? null}
                onChange={(v) => set(i, { checkedOut: v })}
                aria-label={`${r.name} ${t("roster.checkedOut")}`}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

/** 名单调整: confirmations, assignments, substitutions and the paper roster. */
export function RosterSection({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation("volunteers");
  const can = useCan();
  const [member, setMember] = useState<{ mode: "assign" | "substitute"; signup?: Signup } | null>(null);
  const [paper, setPaper] = useState(false);
  const lead = can("volunteer.lead") || can("volunteer.manage");
  const now = Date.now();
  const before = o.status === "open" && now < Date.parse(o.startsAt);
  const paperOpen = can("volunteer.manage") && o.status === "open" && now >= Date.parse(o.endsAt) && o.certification === "uncertified";
  const signedUp = o.signups.filter((s) => s.status === "signed_up");
  const actions = useActionsColumn<Signup>(
    (s) => (
      <RowAction onClick={() => setMember({ mode: "substitute", signup: s })} data-testid={`substitute-${s.id}`}>
        {t("roster2.substitute")}
      </RowAction>
    ),
    { width: 80, show: lead && before },
  );
  return (
    <section data-testid="roster-section" style={{ marginTop: 24 }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12, marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("roster2.title")}
        </Typography.Title>
        {o.unconfirmed > 0 && (
          <Tag color="gold" data-testid="unconfirmed">
            {t("roster2.unconfirmed", { count: o.unconfirmed })}
          </Tag>
        )}
        <div style={{ flex: 1 }} />
        <Space wrap>
          {lead && before && (
            <Button onClick={() => setMember({ mode: "assign" })} data-testid="assign-open">
              {t("roster2.assign")}
            </Button>
          )}
          {paperOpen && (
            <Button onClick={() => setPaper(true)} data-testid="paper-open">
              {t("roster2.paper")}
            </Button>
          )}
        </Space>
      </div>
      {o.roster && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("roster2.paperEntered", { by: o.roster.enteredBy ?? "—", at: formatDateTime(o.roster.enteredAt) })}
          action={
            <a href={o.roster.fileUrl} target="_blank" rel="noopener">
              {t("roster2.paperPhoto")}
            </a>
          }
        />
      )}
      <Table<Signup>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={signedUp}
        locale={{ emptyText: t("roster2.none") }}
        data-testid="confirmations"
        columns={[
          { title: t("field.realName"), dataIndex: "volunteerName", width: 110 },
          {
            title: t("field.team"),
            dataIndex: "teamId",
            ellipsis: true,
            render: (id: number) => o.teams.find((x) => x.teamId === id)?.teamName ?? "—",
          },
          { title: t("roster2.source"), dataIndex: "source", width: 100, render: (v: Signup["source"]) => t(`roster2.sources.${v}`) },
          {
            title: t("roster2.confirmation"),
            key: "confirmation",
            width: 170,
            render: (_: unknown, s) =>
              s.confirmedAt ? (
                <Tag color="green">{t("roster2.confirmedAt", { at: formatDateTime(s.confirmedAt) })}</Tag>
              ) : s.confirmationAskedAt ? (
                <Tag color="gold">{t("roster2.notConfirmed")}</Tag>
              ) : (
                <Typography.Text type="secondary">{t("roster2.notAsked")}</Typography.Text>
              ),
          },
          ...actions,
        ]}
      />
      <MemberModal o={o} mode={member?.mode ?? null} signup={member?.signup} onClose={() => setMember(null)} />
      <PaperRosterModal o={o} open={paper} onClose={() => setPaper(false)} />
    </section>
  );
}

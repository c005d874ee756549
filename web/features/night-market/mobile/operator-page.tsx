import { Button, DotLoading, ErrorBlock, Form, Input, List, NoticeBar, Selector, Stepper, Tag, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applicationCreateSchema, pitchKinds } from "../../../../contracts/night-market.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { translateValidation } from "../../../app/form-errors.ts";
import { formatYuan } from "../../../app/money.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { PhotoPicker, type PickedPhoto } from "../../../mobile/photo-picker.tsx";
import { useApply, useCheckIn, useClaim, useMyNightMarket, useReportTakings } from "../api/mine.ts";
import type { MyNightMarket } from "../api/types.ts";
import { applicationMobileColour } from "../components/labels.ts";

function ApplyForm({ seasonId }: { seasonId: number }) {
  const { t } = useTranslation("night-market");
  const apply = useApply();
  const [kind, setKind] = useState<(typeof pitchKinds)[number]>("food");
  const [goods, setGoods] = useState("");
  const [licence, setLicence] = useState("");
  const [wanted, setWanted] = useState(1);
  const [documents, setDocuments] = useState<PickedPhoto[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    const documentIds = documents.flatMap((d) => (d.id ? [d.id] : []));
    const body = { seasonId, kind, goods, pitchesWanted: wanted, foodLicenceNo: kind === "food" ? licence : null, documentIds };
    const parsed = applicationCreateSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setFailure(
        `${t(`field.${issue?.path[0] === "goods" ? "goods" : "foodLicence"}`)}：${translateValidation(issue?.message ?? "v.required")}`,
      );
      return;
    }
    try {
      await apply.mutateAsync(body);
      Toast.show({ icon: "success", content: t("mobile.applied") });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Form
      layout="vertical"
      footer={
        <Button block color="primary" loading={apply.isPending} onClick={submit} data-testid="nm-apply-submit">
          {t("mobile.apply")}
        </Button>
      }
    >
      <Form.Header>{t("mobile.apply")}</Form.Header>
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <Form.Item label={t("field.kind")}>
        <Selector
          columns={3}
          value={[kind]}
          onChange={(v) => v[0] && setKind(v[0])}
          options={pitchKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item label={t("field.goods")}>
        <Input value={goods} onChange={setGoods} maxLength={200} placeholder="烤肉串" data-testid="nm-apply-goods" />
      </Form.Item>
      {kind === "food" && (
        <Form.Item label={t("field.foodLicence")}>
          <Input value={licence} onChange={setLicence} maxLength={40} data-testid="nm-apply-licence" />
        </Form.Item>
      )}
      <Form.Item label={t("field.pitchesWanted")}>
        <Stepper min={1} max={10} value={wanted} onChange={setWanted} />
      </Form.Item>
      <Form.Item label={t("field.documents")} description={t("mobile.documentsHint")}>
        <PhotoPicker value={documents} onChange={setDocuments} />
      </Form.Item>
    </Form>
  );
}

function Tonight({ data }: { data: MyNightMarket }) {
  const { t } = useTranslation("night-market");
  const checkIn = useCheckIn();
  const claim = useClaim();
  const report = useReportTakings();
  const [amount, setAmount] = useState("");
  const [unusual, setUnusual] = useState(false);
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      Toast.show({ icon: "success", content: done });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  const reported = data.takings.find((x) => x.night === data.tonight);
  return (
    <>
      <List header={`${t("mobile.tonight")} ${data.tonight}`}>
        {data.tonightPitches.length === 0 && <List.Item>{t("mobile.noPitchTonight")}</List.Item>}
        {data.tonightPitches.map((p) => (
          <List.Item
            key={p.id}
            description={t(`kind.${p.pitchKind}`)}
            extra={
              p.status === "checked_in" ? (
                <Tag color="success">{t("mobile.checkedIn")}</Tag>
              ) : (
                <Button
                  size="small"
                  color="primary"
                  loading={checkIn.isPending}
                  onClick={() => act(() => checkIn.mutateAsync(p.id), t("mobile.checkedIn"))}
                  data-testid={`nm-checkin-${p.pitchNumber}`}
                >
                  {t("mobile.checkIn")}
                </Button>
              )
            }
          >
            <span data-testid="nm-my-pitch">
              {t("mobile.myPitch")} {p.pitchNumber}
            </span>
          </List.Item>
        ))}
      </List>
      {data.tonightPitches.length > 0 && (
        <Form
          layout="horizontal"
          footer={
            <Button
              block
              color="primary"
              loading={report.isPending}
              data-testid="nm-takings-submit"
              onClick={() =>
                act(async () => {
                  const r = await report.mutateAsync({ night: data.tonight, amountFen: Math.round(Number(amount) * 100) });
                  setUnusual(r.unusual);
                }, t("mobile.takingsSaved"))
              }
            >
              {t("mobile.reportTakings")}
            </Button>
          }
        >
          <Form.Header>{t("mobile.takings")}</Form.Header>
          {(unusual || reported?.unusual) && <NoticeBar content={t("mobile.unusual")} color="alert" wrap />}
          <Form.Item label={t("field.amount")} extra={reported ? formatYuan(reported.amountFen) : null}>
            <Input
              type="number"
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              placeholder="0.00"
              data-testid="nm-takings-amount"
            />
          </Form.Item>
        </Form>
      )}
      {data.offers.length > 0 && (
        <List header={t("mobile.offers")}>
          {data.offers.map((o) => (
            <List.Item
              key={o.id}
              description={t(`kind.${o.pitchKind}`)}
              extra={
                <Button
                  size="small"
                  color="warning"
                  loading={claim.isPending}
                  onClick={() => act(() => claim.mutateAsync(o.id), t("mobile.claimed"))}
                >
                  {t("mobile.claim")}
                </Button>
              }
            >
              {o.pitchNumber}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** 我的夜市摊位: an operator's applications, tonight's pitch with its check-in and takings, offers to claim, the coming nights. */
export default function OperatorPage() {
  const { t } = useTranslation("night-market");
  const mine = useMyNightMarket();
  const data = mine.data;
  if (mine.isPending)
    return (
      <PageShell title={t("mobile.title")}>
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      </PageShell>
    );
  if (mine.isError || !data)
    return (
      <PageShell title={t("mobile.title")}>
        <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />
      </PageShell>
    );
  const season = data.season;
  const appliedThis = season && data.applications.some((a) => a.seasonId === season.id && a.status !== "withdrawn");
  return (
    <PageShell title={t("mobile.title")}>
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <h1 style={{ fontSize: 22 }} data-testid="nm-operator-name">
          {data.operator?.name ?? t("mobile.title")}
        </h1>
        {data.operator && (
          <p>
            {t(`operatorKind.${data.operator.kind}`)} · {t("mobile.badRecords", { count: data.operator.badRecords })}
          </p>
        )}
        {season && (
          <p style={{ marginTop: 4 }}>{`${season.name} · ${season.startsOn} ~ ${season.endsOn} · ${season.opensAt}–${season.closesAt}`}</p>
        )}
      </div>
      {data.operator?.suspended && <NoticeBar content={t("mobile.suspended")} color="error" wrap />}
      {data.operator && <Tonight data={data} />}
      {season?.status === "open" && !appliedThis && <ApplyForm seasonId={season.id} />}
      {!season && <ErrorBlock status="empty" title={t("mobile.noSeason")} description="" />}
      {data.applications.length > 0 && (
        <List header={t("mobile.myApplications")}>
          {data.applications.map((a) => (
            <List.Item
              key={a.id}
              description={`${t(`kind.${a.kind}`)} · ${a.goods}`}
              extra={
                <Tag color={applicationMobileColour[a.status]} data-testid={`nm-application-${a.id}`}>
                  {t(`applicationStatus.${a.status}`)}
                </Tag>
              }
            >
              {a.seasonName}
            </List.Item>
          ))}
        </List>
      )}
      {data.upcoming.length > 0 && (
        <List header={t("mobile.upcoming")}>
          {data.upcoming.slice(0, 10).map((p) => (
            <List.Item key={p.id} extra={p.pitchNumber}>
              {p.night}
            </List.Item>
          ))}
        </List>
      )}
      {data.takings.length > 0 && (
        <List header={t("mobile.history")}>
          {data.takings.slice(0, 10).map((x) => (
            <List.Item key={x.night} extra={formatYuan(x.amountFen)} description={x.unusual ? t("mobile.unusual") : undefined}>
              {x.night}
            </List.Item>
          ))}
        </List>
      )}
    </PageShell>
  );
}

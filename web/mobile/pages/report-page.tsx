import { Button, Dialog, Form, Input, NoticeBar, Result, Selector, TextArea } from "antd-mobile";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type Problem, problemCreateSchema } from "../../../contracts/problems.ts";
import { ApiError, errorMessage } from "../../app/api-client.ts";
import { translateValidation } from "../../app/form-errors.ts";
import { useMeQuery } from "../../app/session.tsx";
import { useCreateProblem } from "../../features/problems/api/create-problem.ts";
import { useProblemCategories } from "../../features/problems/api/list-categories.ts";
import { findSimilarProblems } from "../../features/problems/api/similar-problems.ts";
import { useMyMerchant } from "../api/get-my-merchant.ts";
import { PageShell } from "../page-shell.tsx";
import { PhotoPicker, type PickedPhoto } from "../photo-picker.tsx";

const OTHER = "other";

/** 我要反映: category, title, description, own stall or a place, up to six photos; similar open problems first. */
export default function ReportPage() {
  const { t, i18n } = useTranslation(["mobile", "problems"]);
  const navigate = useNavigate();
  const me = useMeQuery().data;
  const merchant = useMyMerchant(Boolean(me?.merchantId));
  const categories = useProblemCategories();
  const create = useCreateProblem();
  const stalls = merchant.data?.stalls ?? [];
  const [categoryCode, setCategoryCode] = useState<string | undefined>();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [where, setWhere] = useState<string | undefined>();
  const [place, setPlace] = useState("");
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState<Problem | null>(null);
  const attemptKey = useRef(crypto.randomUUID());

  // Preselect the merchant's own stall once it is known.
  const chosen = where ?? (stalls.length > 0 ? String(stalls[0].id) : OTHER);
  const stallId = chosen !== OTHER ? Number(chosen) : null;

  const submit = async () => {
    setFailure(null);
    if (photos.some((p) => !p.id && !p.failed)) {
      setFailure(t("report.waitUploads"));
      return;
    }
    const input = {
      title,
      description,
      categoryCode: categoryCode ?? "",
      stallId,
      place: stallId ? null : place.trim() || null,
      photoIds: photos.filter((p) => p.id).map((p) => p.id as string),
    };
    const parsed = problemCreateSchema.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= translateValidation(issue.message);
      setErrors(next);
      return;
    }
    setErrors({});
    setChecking(true);
    let similar: Problem[] = [];
    try {
      if (stallId || input.place)
        similar = await findSimilarProblems({ stallId, place: input.place, categoryCode: input.categoryCode, title });
    } catch {
      similar = [];
    }
    setChecking(false);
    if (similar.length > 0) {
      const go = await Dialog.confirm({
        title: t("report.similarTitle"),
        content: (
          <div data-testid="similar-list">
            {similar.slice(0, 5).map((p) => (
              <div key={p.id} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
                <div>{p.title}</div>
                <div style={{ fontSize: 12, color: "#666" }}>
                  {p.code} · {t(`problems:status.${p.status}`)}
                </div>
              </div>
            ))}
            <div style={{ marginTop: 8, fontSize: 13, color: "#666" }}>{t("report.similarHint")}</div>
          </div>
        ),
        confirmText: t("report.submitAnyway"),
        cancelText: t("common:action.cancel"),
      });
      if (!go) return;
    }
    try {
      const saved = await create.mutateAsync({ input: parsed.data, idempotencyKey: attemptKey.current });
      setDone(saved);
    } catch (error) {
      attemptKey.current = crypto.randomUUID();
      if (error instanceof ApiError && error.fields.length) {
        const next: Record<string, string> = {};
        for (const f of error.fields) next[f.field.split(".")[0]] = error.id === "request.invalid" ? f.message : error.message;
        setErrors(next);
      }
      setFailure(errorMessage(error));
    }
  };

  if (done)
    return (
      <PageShell title={t("report.title")}>
        <Result status="success" title={t("report.done")} description={t("report.doneHint", { code: done.code })} />
        <div style={{ padding: 16, display: "grid", gap: 12 }}>
          <Button block color="primary" size="large" onClick={() => navigate(`/problems/${done.id}`, { replace: true })}>
            {t("report.view")}
          </Button>
          <Button block size="large" onClick={() => navigate("/", { replace: true })}>
            {t("backHome")}
          </Button>
        </div>
      </PageShell>
    );

  const err = (key: string) =>
    errors[key] ? <div style={{ color: "var(--adm-color-danger)", fontSize: 13, marginTop: 4 }}>{errors[key]}</div> : null;

  return (
    <PageShell title={t("report.title")}>
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <Form layout="vertical" mode="card">
        <Form.Item label={t("report.category")} required>
          <Selector
            columns={3}
            value={categoryCode ? [categoryCode] : []}
            onChange={(v) => setCategoryCode(v[0])}
            options={(categories.data ?? [])
              .filter((c) => c.active)
              .map((c) => ({ value: c.code, label: i18n.language === "en" ? c.nameEn : c.name }))}
            data-testid="report-category"
          />
          {err("categoryCode")}
        </Form.Item>
        <Form.Item label={t("report.problemTitle")} required>
          <Input
            value={title}
            onChange={setTitle}
            maxLength={100}
            placeholder={t("report.titlePlaceholder")}
            clearable
            data-testid="report-title"
          />
          {err("title")}
        </Form.Item>
        <Form.Item label={t("report.description")} required>
          <TextArea
            value={description}
            onChange={setDescription}
            maxLength={2000}
            rows={4}
            showCount
            placeholder={t("report.descriptionPlaceholder")}
            data-testid="report-description"
          />
          {err("description")}
        </Form.Item>
        <Form.Item label={t("report.where")}>
          {stalls.length > 0 && (
            <Selector
              columns={2}
              value={[chosen]}
              onChange={(v) => v[0] && setWhere(v[0])}
              options={[
                ...stalls.map((s) => ({ value: String(s.id), label: t("report.myStall", { code: s.code }) })),
                { value: OTHER, label: t("report.otherPlace") },
              ]}
            />
          )}
          {chosen === OTHER && (
            <Input
              value={place}
              onChange={setPlace}
              maxLength={200}
              placeholder={t("report.placePlaceholder")}
              clearable
              style={{ marginTop: stalls.length ? 8 : 0 }}
              data-testid="report-place"
            />
          )}
          {err("place")}
        </Form.Item>
        <Form.Item label={t("report.photos")} description={t("report.photosHint")}>
          <PhotoPicker value={photos} onChange={setPhotos} />
          {err("photoIds")}
        </Form.Item>
      </Form>
      <div style={{ padding: "8px 12px" }}>
        <Button block color="primary" size="large" onClick={submit} loading={checking || create.isPending} data-testid="report-submit">
          {t("report.submit")}
        </Button>
      </div>
    </PageShell>
  );
}

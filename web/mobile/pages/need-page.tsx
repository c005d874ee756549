import { Button, Form, Input, NoticeBar, Result, Selector, TextArea } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { needCreateSchema, needKinds } from "../../../contracts/lists.ts";
import { errorMessage } from "../../app/api-client.ts";
import { translateValidation } from "../../app/form-errors.ts";
import { useCreateNeed } from "../../features/lists/api/create-need.ts";
import { PageShell } from "../page-shell.tsx";

/** 提需求: a merchant or resident tells the station what they need (funding, customers, training…). */
export default function NeedPage() {
  const { t } = useTranslation("mobile");
  const navigate = useNavigate();
  const create = useCreateNeed();
  const [kind, setKind] = useState<string>("other");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    setFailure(null);
    const parsed = needCreateSchema.safeParse({ kind, title, description });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= translateValidation(issue.message);
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      await create.mutateAsync(parsed.data);
      setDone(true);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  if (done)
    return (
      <PageShell title={t("need.title")}>
        <Result status="success" title={t("need.done")} description={t("need.doneHint")} />
        <div style={{ padding: 16 }}>
          <Button block size="large" onClick={() => navigate("/", { replace: true })}>
            {t("backHome")}
          </Button>
        </div>
      </PageShell>
    );

  const err = (key: string) =>
    errors[key] ? <div style={{ color: "var(--adm-color-danger)", fontSize: 13, marginTop: 4 }}>{errors[key]}</div> : null;
  return (
    <PageShell title={t("need.title")}>
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <Form layout="vertical" mode="card">
        <Form.Item label={t("need.kind")} required>
          <Selector
            columns={3}
            value={[kind]}
            onChange={(v) => v[0] && setKind(v[0])}
            options={needKinds.map((k) => ({ value: k, label: t(`lists:needKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("need.needTitle")} required>
          <Input value={title} onChange={setTitle} maxLength={100} clearable placeholder={t("need.titlePlaceholder")} />
          {err("title")}
        </Form.Item>
        <Form.Item label={t("need.description")} required>
          <TextArea
            value={description}
            onChange={setDescription}
            maxLength={2000}
            rows={5}
            showCount
            placeholder={t("need.descriptionPlaceholder")}
          />
          {err("description")}
        </Form.Item>
      </Form>
      <div style={{ padding: "8px 12px" }}>
        <Button block color="primary" size="large" onClick={submit} loading={create.isPending}>
          {t("need.submit")}
        </Button>
      </div>
    </PageShell>
  );
}

import { Alert, App, Button, Col, Drawer, Form, Input, List, Row, Select, Space, type UploadFile } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Problem, problemCreateSchema, problemSources } from "../../../../contracts/problems.ts";
import { useStalls } from "../../../api/list-stalls.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { PhotoUpload, uploadedIds, uploadsPending } from "../../../components/photo-upload.tsx";
import { useCreateProblem } from "../api/create-problem.ts";
import { useProblemCategories } from "../api/list-categories.ts";
import { findSimilarProblems } from "../api/similar-problems.ts";
import { ProblemStatusTag } from "./problem-status-tag.tsx";

interface Values {
  stationId?: number;
  source?: string;
  title?: string;
  description?: string;
  categoryCode?: string;
  stallId?: number;
  place?: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** Staff record a problem brought to the station: a walk-in, a phone call, a grid worker, a council meeting. */
export function ProblemFormDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (problem: Problem) => void;
}) {
  const { t, i18n } = useTranslation("problems");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateProblem();
  const categories = useProblemCategories();
  const stalls = useStalls({ page: 1, pageSize: 1000 });
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [similar, setSimilar] = useState<Problem[] | null>(null);
  const [checking, setChecking] = useState(false);
  const attemptKey = useRef<string>(crypto.randomUUID());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ source: "walk_in", stationId: me.stations.length === 1 ? me.stations[0].id : undefined });
    setPhotos([]);
    setFailure(null);
    setSimilar(null);
    attemptKey.current = crypto.randomUUID();
  }, [open, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    if (uploadsPending(photos)) {
      setFailure(t("photosUploading"));
      return;
    }
    const v = form.getFieldsValue();
    const input = {
      title: v.title ?? "",
      description: v.description ?? "",
      categoryCode: v.categoryCode ?? "",
      place: v.place || null,
      stallId: v.stallId ?? null,
      photoIds: uploadedIds(photos),
      source: v.source,
      reporterName: v.reporterName || null,
      reporterPhone: v.reporterPhone || null,
      ...(v.stationId ? { stationId: v.stationId } : {}),
    };
    const checked = validateWith(problemCreateSchema, input, form);
    if (!checked.ok) return;
    // First press: show open problems at the same stall or place; a second press files it anyway.
    if (similar === null && (input.stallId || input.place)) {
      setChecking(true);
      try {
        const found = await findSimilarProblems({
          stallId: input.stallId,
          place: input.place,
          categoryCode: input.categoryCode,
          title: input.title,
        });
        setChecking(false);
        if (found.length > 0) {
          setSimilar(found);
          return;
        }
      } catch {
        setChecking(false);
      }
    }
    try {
      const saved = await create.mutateAsync({ input: checked.data, idempotencyKey: attemptKey.current });
      message.success(t("created", { code: saved.code }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      attemptKey.current = crypto.randomUUID();
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  const categoryOptions = (categories.data ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.code, label: i18n.language === "en" ? c.nameEn : c.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={t("create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending || checking} data-testid="problem-save">
            {similar?.length ? t("submitAnyway") : t("submit")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {similar && similar.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("similarTitle", { count: similar.length })}
          description={
            <List
              size="small"
              dataSource={similar}
              renderItem={(p) => (
                <List.Item>
                  <Space>
                    <span>{p.code}</span>
                    <span>{p.title}</span>
                    <ProblemStatusTag status={p.status} />
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      )}
      <Form form={form} layout="vertical" onValuesChange={() => similar && setSimilar(null)}>
        {me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="source" label={t("field.source")} required>
              <Select
                options={problemSources
                  .filter((s) => s !== "merchant" && s !== "resident" && s !== "open311" && s !== "hotline")
                  .map((s) => ({ value: s, label: t(`source.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="categoryCode" label={t("field.category")} required>
              <Select options={categoryOptions} loading={categories.isPending} data-testid="problem-category" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")} required>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="stallId" label={t("field.stall")}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                loading={stalls.isPending}
                options={(stalls.data?.items ?? []).map((s) => ({ value: s.id, label: s.code }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t("field.place")}>
              <Input maxLength={200} placeholder={t("placePlaceholder")} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="reporterName" label={t("field.reporterName")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reporterPhone" label={t("field.reporterPhone")}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t("field.photos")} name="photoIds" getValueProps={() => ({})} trigger="onPhotoIdsUnused" extra={t("photosHint")}>
          <PhotoUpload value={photos} onChange={setPhotos} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

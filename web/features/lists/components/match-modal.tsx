import { Alert, App, Form, Modal, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Need } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useOffers } from "../api/list-offers.ts";
import { useMatchNeed } from "../api/match-need.ts";

/** Match a need to an offer from the services list. */
export function MatchModal({ need, onClose }: { need: Need | null; onClose: () => void }) {
  const { t } = useTranslation("lists");
  const { message } = App.useApp();
  const offers = useOffers({ page: 1, pageSize: 200, status: "active" }, need !== null);
  const match = useMatchNeed();
  const [offerId, setOfferId] = useState<number | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  const needId = need?.id;
  useEffect(() => {
    if (needId === undefined) return;
    setOfferId(undefined);
    setFailure(null);
  }, [needId]);

  const submit = async () => {
    if (!need) return;
    if (!offerId) {
      setFailure(t("match.pick"));
      return;
    }
    try {
      await match.mutateAsync({ id: need.id, offerId, version: need.version });
      message.success(t("match.done"));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal open={need !== null} title={t("match.title")} onCancel={onClose} onOk={submit} confirmLoading={match.isPending} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t("match.need")}：</Typography.Text>
        {need?.title}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t("match.offer")} required>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            value={offerId}
            onChange={setOfferId}
            loading={offers.isPending}
            options={(offers.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.title} · ${o.unitName}${o.amountFen !== null ? ` · ${formatYuan(o.amountFen)}` : ""}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

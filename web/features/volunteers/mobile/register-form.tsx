import { Button, Checkbox, Form, Input, NoticeBar, Selector, Tag } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { politicalStatuses, volunteerRegisterSchema } from "../../../../contracts/volunteers.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { translateValidation } from "../../../app/form-errors.ts";
import { useRegister } from "../api/mine.ts";

/** 志愿者登记: real name, skills, political status and consent; a volunteer number is given (no ID number is asked). */
export function RegisterForm({ defaultName }: { defaultName: string }) {
  const { t } = useTranslation("volunteers");
  const register = useRegister();
  const [realName, setRealName] = useState(defaultName);
  const [skills, setSkills] = useState<string[]>([]);
  const [typed, setTyped] = useState("");
  const [politicalStatus, setPoliticalStatus] = useState<string>("none");
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Skills the station's teams ask for (in the UI's language); others can be typed.
  const commonSkills = t("m.register.skillOptions", { returnObjects: true }) as string[];
  const known = [...new Set([...commonSkills, ...skills])];

  const addTyped = () => {
    const skill = typed.trim();
    if (skill && !skills.includes(skill)) setSkills([...skills, skill]);
    setTyped("");
  };

  const submit = async () => {
    setFailure(null);
    const parsed = volunteerRegisterSchema.safeParse({ realName, skills, politicalStatus, consent });
    const next: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= translateValidation(issue.message);
    if (!consent) next.consent = t("m.register.consentRequired");
    setErrors(next);
    if (!parsed.success || !consent) return;
    try {
      await register.mutateAsync(parsed.data);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const err = (key: string) =>
    errors[key] ? <div style={{ color: "var(--adm-color-danger)", fontSize: 13, marginTop: 4 }}>{errors[key]}</div> : null;
  return (
    <div data-testid="volunteer-register">
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <h1 style={{ fontSize: 22 }}>{t("m.register.title")}</h1>
        <p>{t("m.register.intro")}</p>
      </div>
      {failure && <NoticeBar content={failure} color="error" wrap />}
      <Form layout="vertical" mode="card">
        <Form.Item label={t("field.realName")} required>
          <Input value={realName} onChange={setRealName} maxLength={100} clearable placeholder={t("m.register.namePlaceholder")} />
          {err("realName")}
        </Form.Item>
        <Form.Item label={t("field.skills")} description={t("m.register.skillsHint")}>
          <Selector multiple columns={3} value={skills} onChange={setSkills} options={known.map((s) => ({ value: s, label: s }))} />
          <div style={{ marginTop: 8, display: "flex", alignItems: "center", gap: 8 }}>
            <Input
              value={typed}
              onChange={setTyped}
              maxLength={40}
              placeholder={t("m.register.otherSkill")}
              aria-label={t("m.register.otherSkill")}
              onEnterPress={addTyped}
              style={{ flex: 1, background: "#f5f5f5", borderRadius: 6, padding: "6px 10px" }}
            />
            <Button size="small" onClick={addTyped} disabled={!typed.trim()}>
              {t("m.register.addSkill")}
            </Button>
          </div>
          {skills.filter((s) => !commonSkills.includes(s)).length > 0 && (
            <div style={{ marginTop: 6, display: "flex", gap: 6, flexWrap: "wrap" }}>
              {skills
                .filter((s) => !commonSkills.includes(s))
                .map((s) => (
                  <Tag key={s} color="primary" fill="outline">
                    {s}
                  </Tag>
                ))}
            </div>
          )}
          {err("skills")}
        </Form.Item>
        <Form.Item label={t("field.politicalStatus")} required>
          <Selector
            columns={3}
            value={[politicalStatus]}
            onChange={(v) => v[0] && setPoliticalStatus(v[0])}
            options={politicalStatuses.map((s) => ({ value: s, label: t(`politicalStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={consent} onChange={setConsent} data-testid="register-consent">
            <span style={{ fontSize: 14, lineHeight: 1.5 }}>{t("m.register.consent")}</span>
          </Checkbox>
          {err("consent")}
        </Form.Item>
      </Form>
      <div style={{ padding: "8px 12px" }}>
        <Button block color="primary" size="large" onClick={submit} loading={register.isPending} data-testid="register-submit">
          {t("m.register.submit")}
        </Button>
      </div>
    </div>
  );
}

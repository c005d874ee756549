import { Selector } from "antd-mobile";
import { useLanguage } from "../app/language.ts";

export function LanguageSwitch() {
  const [language, setLanguage] = useLanguage();
  return (
    <Selector
      columns={2}
      value={[language]}
      onChange={(value) => value[0] && setLanguage(value[0] as "zh-CN" | "en")}
      options={[
        { label: "中文", value: "zh-CN" },
        { label: "English", value: "en" },
      ]}
    />
  );
}

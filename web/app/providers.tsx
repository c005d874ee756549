import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, type ConfigProviderProps } from "antd";
import enUSModule from "antd/es/locale/en_US.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api-client.ts";
import i18n from "./i18n.ts";
import { consoleTheme } from "./theme.ts";

// antd/es is ESM, so the bundle gets the default export; TypeScript reads the package as CommonJS and sees a
// namespace. The ESM path matters: the CommonJS one leaves the console in English under Vite 8.
const enUS = enUSModule as unknown as ConfigProviderProps["locale"];
const zhCN = zhCNModule as unknown as ConfigProviderProps["locale"];

function followLanguage(language: string): void {
  dayjs.locale(language === "en" ? "en" : "zh-cn");
  document.documentElement.lang = language === "en" ? "en" : "zh-CN";
}
followLanguage(i18n.language);
i18n.on("languageChanged", followLanguage);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network hiccups and 5xx get one more try.
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

export function ConsoleProviders({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const english = instance.language === "en";
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={english ? enUS : zhCN} theme={consoleTheme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import enAudit from "../locales/en/audit.json" with { type: "json" };
import enAuth from "../locales/en/auth.json" with { type: "json" };
import enCaring from "../locales/en/caring.json" with { type: "json" };
import enCommon from "../locales/en/common.json" with { type: "json" };
import enCounter from "../locales/en/counter.json" with { type: "json" };
import enDuty from "../locales/en/duty.json" with { type: "json" };
import enHome from "../locales/en/home.json" with { type: "json" };
import enLending from "../locales/en/lending.json" with { type: "json" };
import enLists from "../locales/en/lists.json" with { type: "json" };
import enMeetings from "../locales/en/meetings.json" with { type: "json" };
import enMerchants from "../locales/en/merchants.json" with { type: "json" };
import enMobile from "../locales/en/mobile.json" with { type: "json" };
import enNotifications from "../locales/en/notifications.json" with { type: "json" };
import enParty from "../locales/en/party.json" with { type: "json" };
import enProblems from "../locales/en/problems.json" with { type: "json" };
import enResidents from "../locales/en/residents.json" with { type: "json" };
import enScorecard from "../locales/en/scorecard.json" with { type: "json" };
import enStalls from "../locales/en/stalls.json" with { type: "json" };
import enUnits from "../locales/en/units.json" with { type: "json" };
import enUsers from "../locales/en/users.json" with { type: "json" };
import zhAudit from "../locales/zh-CN/audit.json" with { type: "json" };
import zhAuth from "../locales/zh-CN/auth.json" with { type: "json" };
import zhCaring from "../locales/zh-CN/caring.json" with { type: "json" };
import zhCommon from "../locales/zh-CN/common.json" with { type: "json" };
import zhCounter from "../locales/zh-CN/counter.json" with { type: "json" };
import zhDuty from "../locales/zh-CN/duty.json" with { type: "json" };
import zhHome from "../locales/zh-CN/home.json" with { type: "json" };
import zhLending from "../locales/zh-CN/lending.json" with { type: "json" };
import zhLists from "../locales/zh-CN/lists.json" with { type: "json" };
import zhMeetings from "../locales/zh-CN/meetings.json" with { type: "json" };
import zhMerchants from "../locales/zh-CN/merchants.json" with { type: "json" };
import zhMobile from "../locales/zh-CN/mobile.json" with { type: "json" };
import zhNotifications from "../locales/zh-CN/notifications.json" with { type: "json" };
import zhParty from "../locales/zh-CN/party.json" with { type: "json" };
import zhProblems from "../locales/zh-CN/problems.json" with { type: "json" };
import zhResidents from "../locales/zh-CN/residents.json" with { type: "json" };
import zhScorecard from "../locales/zh-CN/scorecard.json" with { type: "json" };
import zhStalls from "../locales/zh-CN/stalls.json" with { type: "json" };
import zhUnits from "../locales/zh-CN/units.json" with { type: "json" };
import zhUsers from "../locales/zh-CN/users.json" with { type: "json" };

export type Language = "zh-CN" | "en";
const STORAGE_KEY = "dd_lang";

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  ns: [
    "common",
    "auth",
    "home",
    "merchants",
    "residents",
    "stalls",
    "units",
    "users",
    "audit",
    "mobile",
    "problems",
    "lists",
    "meetings",
    "scorecard",
    "notifications",
    "party",
    "caring",
    "counter",
    "duty",
    "lending",
  ],
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  resources: {
    "zh-CN": {
      common: zhCommon,
      auth: zhAuth,
      home: zhHome,
      merchants: zhMerchants,
      residents: zhResidents,
      stalls: zhStalls,
      units: zhUnits,
      users: zhUsers,
      audit: zhAudit,
      mobile: zhMobile,
      problems: zhProblems,
      lists: zhLists,
      meetings: zhMeetings,
      scorecard: zhScorecard,
      notifications: zhNotifications,
      party: zhParty,
      caring: zhCaring,
      duty: zhDuty,
      counter: zhCounter,
      lending: zhLending,
    },
    en: {
      common: enCommon,
      auth: enAuth,
      home: enHome,
      merchants: enMerchants,
      residents: enResidents,
      stalls: enStalls,
      units: enUnits,
      users: enUsers,
      audit: enAudit,
      mobile: enMobile,
      problems: enProblems,
      lists: enLists,
      meetings: enMeetings,
      scorecard: enScorecard,
      notifications: enNotifications,
      party: enParty,
      caring: enCaring,
      duty: enDuty,
      counter: enCounter,
      lending: enLending,
    },
  },
});

export default i18n;

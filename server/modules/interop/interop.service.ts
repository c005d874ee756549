// The interfaces to other systems, as one service the app wires: API keys, Open311 GeoReport v2 and the 12345 hotline's work orders.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { Job } from "../../platform/jobs.ts";
import type { OutboundQueue } from "../../platform/notify.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { ApiKeysService } from "./api-keys.service.ts";
import { CalendarService } from "./calendar.service.ts";
import { type FeedbackTarget, HotlineService } from "./hotline.service.ts";
import { InteropRepository } from "./interop.repository.ts";
import { Open311Service } from "./open311.service.ts";
import { type SmsConfig, SmsService } from "./sms.service.ts";
import { WebhooksService } from "./webhooks.service.ts";
import { type WechatConfig, WechatService } from "./wechat.service.ts";

export class InteropService {
  readonly keys: ApiKeysService;
  readonly open311: Open311Service;
  readonly hotline: HotlineService;
  readonly sms: SmsService;
  readonly wechat: WechatService;
  readonly calendar: CalendarService;
  readonly webhooks: WebhooksService;
  constructor(
    db: Kysely<DB>,
    deps: {
      problems: ProblemsService;
      hotlineFeedback: FeedbackTarget;
      vault: Vault;
      sms: SmsConfig | null;
      wechat: WechatConfig | null;
      webhookTimeoutMs: number;
    },
    clock: Clock,
  ) {
    const repo = new InteropRepository(db);
    this.keys = new ApiKeysService(db, repo, clock);
    this.open311 = new Open311Service(db, repo, this.keys, deps.problems, clock);
    this.hotline = new HotlineService(db, this.keys, deps.problems, clock, deps.hotlineFeedback);
    this.sms = new SmsService(db, deps.vault, clock, deps.sms);
    this.wechat = new WechatService(db, deps.vault, clock, deps.wechat);
    this.calendar = new CalendarService(db, deps.vault, clock);
    this.webhooks = new WebhooksService(db, deps.vault, clock, deps.webhookTimeoutMs);
  }

  /**
   * The notifier's queue: SMS and WeChat each take the copies that go their way (both may); a copy SMS did not take
   * still goes to the log gateway. Null when neither is configured.
   */
  queue(): OutboundQueue | null {
    const sms = this.sms.queue();
    const wechat = this.wechat.queue();
    if (!sms && !wechat) return null;
    return {
      enqueue: async (trx, message) => {
        const bySms = sms ? await sms.enqueue(trx, message) : false;
        if (wechat) await wechat.enqueue(trx, message);
        return bySms;
      },
    };
  }

  jobs(): Job[] {
    return [...this.hotline.jobs(), ...this.sms.jobs(), ...this.wechat.jobs(), ...this.webhooks.jobs()];
  }
}

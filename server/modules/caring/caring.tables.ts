// The caring module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type {
  AwardCategory,
  CardStatus,
  DeliveryStatus,
  NominationStatus,
  ObjectionStatus,
  RedemptionMethod,
  RoundStatus,
  ShopCategory,
  ShopStatus,
} from "../../../contracts/caring.ts";

export interface AwardRoundTable {
  id: Generated<number>;
  station_id: number;
  category: AwardCategory;
  month: string;
  status: RoundStatus;
  publicity_days: number;
  publicity_from: string | null;
  publicity_until: string | null;
  card_valid_months: number;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface NominationTable {
  id: Generated<number>;
  round_id: number;
  resident_id: number;
  nominated_by_user_id: number | null;
  nominated_by_name: string | null;
  reason: string;
  status: NominationStatus;
  review_note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ObjectionTable {
  id: Generated<number>;
  nomination_id: number;
  by_user_id: number | null;
  text: string;
  status: ObjectionStatus;
  decision_note: string | null;
  created_at: string;
}

export interface DiscountCardTable {
  id: Generated<number>;
  station_id: number;
  card_no: string;
  resident_id: number;
  round_id: number | null;
  category: AwardCategory;
  valid_from: string;
  valid_to: string;
  status: CardStatus;
  monthly_cap_fen: number | null;
  monthly_cap_uses: number | null;
  pin_hash: string | null;
  qr_secret: string;
  revoked_reason: string | null;
  /** The card's latest month with a sale (YYYY-MM, the station's), its sales and their discount: kept by every redemption. */
  used_month: string | null;
  used_uses: Generated<number>;
  used_discount_fen: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface CardPresentationTable {
  jti: string;
  card_id: number;
  short_code: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface CaringShopTable {
  id: Generated<number>;
  station_id: number;
  merchant_id: number;
  category: ShopCategory;
  status: ShopStatus;
  discount_rate_permille: number | null;
  plaque_date: string | null;
  certified_at: string | null;
  review_due: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ShopEventTable {
  id: Generated<number>;
  shop_id: number;
  action: string;
  from_status: ShopStatus | null;
  to_status: ShopStatus;
  note: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface RedemptionTable {
  id: Generated<number>;
  card_id: number;
  shop_id: number;
  operator_user_id: number | null;
  method: RedemptionMethod;
  presentation_jti: string | null;
  amount_fen: number;
  discount_rate_permille: number;
  pay_fen: number;
  discount_fen: number;
  month: string;
  created_at: string;
}

export interface MealRecipientTable {
  id: Generated<number>;
  station_id: number;
  resident_id: number;
  provider_shop_id: number;
  weekdays: string;
  active: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MealDeliveryTable {
  id: Generated<number>;
  recipient_id: number;
  provider_shop_id: number;
  date: string;
  status: DeliveryStatus;
  note: string | null;
  confirmed_by_user_id: number | null;
  confirmed_by_name: string | null;
  at: string;
}

export interface CaringTables {
  award_rounds: AwardRoundTable;
  nominations: NominationTable;
  objections: ObjectionTable;
  discount_cards: DiscountCardTable;
  card_presentations: CardPresentationTable;
  caring_shops: CaringShopTable;
  shop_events: ShopEventTable;
  redemptions: RedemptionTable;
  meal_recipients: MealRecipientTable;
  meal_deliveries: MealDeliveryTable;
}

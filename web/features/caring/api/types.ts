import type { z } from "zod";
import type {
  cardPresentationSchema,
  cardSchema,
  caringFiguresSchema,
  deliveryDaySchema,
  honourRollSchema,
  mealRecipientSchema,
  nominationSchema,
  redemptionPreviewSchema,
  redemptionSchema,
  roundSchema,
  shopSchema,
} from "../../../../contracts/caring.ts";

export type Round = z.infer<typeof roundSchema>;
export type Nomination = z.infer<typeof nominationSchema>;
export type HonourRoll = z.infer<typeof honourRollSchema>;
export type Card = z.infer<typeof cardSchema>;
export type CardPresentation = z.infer<typeof cardPresentationSchema>;
export type RedemptionPreview = z.infer<typeof redemptionPreviewSchema>;
export type Redemption = z.infer<typeof redemptionSchema>;
export type CaringShop = z.infer<typeof shopSchema>;
export type MealRecipient = z.infer<typeof mealRecipientSchema>;
export type DeliveryDay = z.infer<typeof deliveryDaySchema>;
export type CaringFigures = z.infer<typeof caringFiguresSchema>;

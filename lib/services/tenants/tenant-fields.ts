// The fields that describe an ISP (tenant): one rule each, shared by creation, self-service registration
// and the profile form, so the three cannot drift.
import { z } from "zod";
import { isCountryCode, isCurrencyCode } from "@/lib/regions";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Slug must be at least 3 characters")
  .max(40, "Slug must be at most 40 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Slug may contain lowercase letters, digits and dashes");

export const SLUG_TAKEN = "This slug is already taken";

export const countryField = z.string().trim().toUpperCase().refine(isCountryCode, "Choose a country from the list");
export const currencyField = z.string().trim().toUpperCase().refine(isCurrencyCode, "Choose a currency from the list");
export const timezoneField = z
  .string()
  .trim()
  .refine((tz) => tz === "UTC" || Intl.supportedValuesOf("timeZone").includes(tz), "Unknown time zone");

/** Slug and region of a new ISP, with the defaults of a Kenyan one. */
export const newTenantFieldsSchema = z.object({
  slug: slugSchema,
  country: countryField.default("KE"),
  currency: currencyField.default("KES"),
  timezone: timezoneField.default("Africa/Nairobi"),
});

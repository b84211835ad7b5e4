// The value lists of the schema's enums, for zod schemas, filters, forms and charts: read from the
// pgEnums, never typed again, so adding a value to the schema reaches every list.
import { connectionType, customerStatus, routerStatus, routerType, paymentMethod, paymentPurpose, paymentStatus, validityUnit, voucherStatus } from "./schema";

export const CONNECTION_TYPES = connectionType.enumValues;
/** Sessions also come from routers' own users (no customer or voucher of ours). */
export const SESSION_CONNECTION_TYPES = [...CONNECTION_TYPES, "OTHER"] as const;
export const CUSTOMER_STATUSES = customerStatus.enumValues;
export const VOUCHER_STATUSES = voucherStatus.enumValues;
export const ROUTER_TYPES = routerType.enumValues;
export const ROUTER_STATUSES = routerStatus.enumValues;
export const VALIDITY_UNITS = validityUnit.enumValues;
export const PAYMENT_METHODS = paymentMethod.enumValues;
export const PAYMENT_STATUSES = paymentStatus.enumValues;
export const PAYMENT_PURPOSES = paymentPurpose.enumValues;

export type ConnectionType = (typeof CONNECTION_TYPES)[number];
export type SessionConnectionType = (typeof SESSION_CONNECTION_TYPES)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

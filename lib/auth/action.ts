// The one wrapper every server action goes through, composed of the steps in ./steps: session, two-factor
// enrolment and permission check, the tenant, zod parsing of the form or object, the tenant-scoped
// transaction, and a discriminated result carrying every field error.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Db, Tx } from "@/lib/db/client";
import { isAppError, type FieldErrors } from "@/lib/errors";
import type { AfterCommit } from "@/lib/db/after-commit";
import { childLogger } from "@/lib/logger";
import type { Actor } from "@/lib/services/audit/record-audit";
import { zodFieldErrors } from "@/lib/services/zod-helpers";
import type { Permission } from "./permissions";
import { requireStaff, type StaffContext } from "./session";
import { requestActor } from "./request-context";
import { inTenant, requireTenant } from "./steps";

const log = childLogger("action");

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors: FieldErrors; code?: string };

export type ActionState<T = unknown> = ActionResult<T> | null;

export interface ActionContext {
  staff: StaffContext & { tenantId: string };
  tenantId: string;
  actor: Actor;
  tx: Tx;
  /** The pool, only for rate-limit counters: a count must survive the rollback of a failed attempt. */
  limits: Db;
}

/** Turns FormData into a plain object: repeated keys become arrays, "" stays "" for the schema to judge. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = fd.getAll(key).map((v) => (typeof v === "string" ? v : v));
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

/** The parse step of every action: FormData or a plain object, through the zod schema. */
export function parseInput<S extends z.ZodType>(schema: S, payload: FormData | unknown): z.output<S> {
  return schema.parse(payload instanceof FormData ? formDataToObject(payload) : payload);
}

export function errorResult(e: unknown): ActionResult<never> {
  if (e instanceof z.ZodError) {
    const fieldErrors = zodFieldErrors(e);
    return { ok: false, error: "Some fields need your attention", fieldErrors, code: "INVALID_INPUT" };
  }
  if (isAppError(e)) return { ok: false, error: e.message, fieldErrors: e.details?.fieldErrors ?? {}, code: e.code };
  log.error({ err: e }, "server action failed");
  return { ok: false, error: "Something went wrong on our side. Please try again.", fieldErrors: {}, code: "INTERNAL" };
}

export function tenantAction<S extends z.ZodType, T>(
  opts: {
    schema: S;
    permission: Permission;
    message?: string | ((data: T) => string);
    /** Only the two-factor enrolment actions: usable by a member the tenant still requires to enrol. */
    beforeTotpEnrolment?: boolean;
  },
  fn: (ctx: ActionContext, input: z.output<S>) => Promise<T | AfterCommit<T>>,
) {
  return async (_prev: ActionState<T> | undefined, payload: FormData | z.input<S>): Promise<ActionResult<T>> => {
    try {
      const staff = await requireStaff(opts.permission, { beforeTotpEnrolment: opts.beforeTotpEnrolment });
      const tenantId = requireTenant(staff, "Open a tenant first");
      const input = parseInput(opts.schema, payload);
      const actor = await requestActor({ userId: staff.userId, label: staff.impersonating ? `operator:${staff.email}` : staff.email });
      const data = await inTenant(tenantId, (tx) => fn({ staff: { ...staff, tenantId }, tenantId, actor, tx, limits: getDb() }, input));
      const message = typeof opts.message === "function" ? opts.message(data) : opts.message;
      return { ok: true, data, message };
    } catch (e) {
      return errorResult(e);
    }
  };
}

export interface PlatformActionContext {
  staff: StaffContext;
  actor: Actor;
}

/** Server actions of the platform operator area: SUPER_ADMIN only, trusted (cross-tenant) database handle. */
export function platformAction<S extends z.ZodType, T>(
  opts: { schema: S; message?: string | ((data: T) => string) },
  fn: (ctx: PlatformActionContext & { db: ReturnType<typeof getDb> }, input: z.output<S>) => Promise<T>,
) {
  return async (_prev: ActionState<T> | undefined, payload: FormData | z.input<S>): Promise<ActionResult<T>> => {
    try {
      const staff = await requireStaff("platform:manage");
      const input = parseInput(opts.schema, payload);
      const actor = await requestActor({ userId: staff.userId, label: `operator:${staff.email}` });
      const data = await fn({ staff, actor, db: getDb() }, input);
      const message = typeof opts.message === "function" ? opts.message(data) : opts.message;
      return { ok: true, data, message };
    } catch (e) {
      return errorResult(e);
    }
  };
}

export interface PublicActionContext {
  ip: string | null;
  userAgent: string | null;
}

/** Server actions that need no session (registration, password reset): same parsing and result shape. */
export function publicAction<S extends z.ZodType, T>(
  opts: { schema: S; message?: string | ((data: T) => string) },
  fn: (ctx: PublicActionContext, input: z.output<S>) => Promise<T>,
) {
  return async (_prev: ActionState<T> | undefined, payload: FormData | z.input<S>): Promise<ActionResult<T>> => {
    try {
      const input = parseInput(opts.schema, payload);
      const actor = await requestActor({});
      const data = await fn({ ip: actor.ip ?? null, userAgent: actor.userAgent ?? null }, input);
      const message = typeof opts.message === "function" ? opts.message(data) : opts.message;
      return { ok: true, data, message };
    } catch (e) {
      return errorResult(e);
    }
  };
}

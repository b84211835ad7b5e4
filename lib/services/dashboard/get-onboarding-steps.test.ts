// The onboarding checklist ticks from real state, step by step, and is done only when all are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { routers, payments } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { makeCustomer, makePackage, makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { markRouterScriptCopied } from "@/lib/services/routers/mark-router-script-copied";
import { getOnboardingSteps } from "./get-onboarding-steps";

let t: TestDatabase;
let A: string;
let B: string;
beforeAll(async () => {
  t = await createTestDatabase();
  A = await makeTenant(t.db, "Fresh");
  B = await makeTenant(t.db, "Other");
});
afterAll(() => t.drop());

const done = async (tenantId: string) => (await getOnboardingSteps(t.db, { tenantId })).steps.filter((s) => s.done).map((s) => s.key);

describe("onboarding steps", () => {
  it("tick one by one from what exists, per tenant", async () => {
    expect(await getOnboardingSteps(t.db, { tenantId: A })).toMatchObject({ allDone: false, steps: expect.arrayContaining([expect.objectContaining({ key: "router", href: "/routers/new" })]) });
    expect(await done(A)).toEqual([]);
    const pkg = await makePackage(t.db, A);
    expect(await done(A)).toEqual(["package"]);
    const [router] = await t.db.insert(routers).values({ tenantId: A, name: "core", ipAddress: "10.0.0.1", secretSealed: sealSecret("nas-secret", "s") }).returning();
    expect(await done(A)).toEqual(["package", "router"]);
    const steps = (await getOnboardingSteps(t.db, { tenantId: A })).steps;
    expect(steps.find((s) => s.key === "script")!.href).toBe(`/routers/${router.id}`);
    await markRouterScriptCopied(t.db, { tenantId: A, id: router.id }, testActor);
    // Another tenant's router cannot be marked through A, and B's list stays empty.
    await expect(markRouterScriptCopied(t.db, { tenantId: B, id: router.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await done(A)).toEqual(["package", "router", "script"]);
    await t.db.update(routers).set({ lastSeenAt: new Date() }).where(eq(routers.id, router.id));
    const c = await makeCustomer(t.db, A, { packageId: pkg.id });
    expect(await done(A)).toEqual(["package", "router", "script", "radius", "customer"]);
    await t.db.insert(payments).values({ tenantId: A, customerId: c.id, amount: 1000, currency: "KES", method: "CASH", status: "PENDING" });
    expect((await getOnboardingSteps(t.db, { tenantId: A })).allDone).toBe(false);
    await t.db.execute(sql`update payments set status = 'COMPLETED' where tenant_id = ${A}`);
    expect(await getOnboardingSteps(t.db, { tenantId: A })).toMatchObject({ allDone: true });
    expect(await done(B)).toEqual([]);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, customers, routers, sessions } from "@/lib/db/schema";
import { openSecret } from "@/lib/crypto";
import { clearJobs, queuedJobs } from "@/lib/testing/jobs";
import { JOBS } from "@/lib/jobs/names";
import { createCustomer, createCustomerSchema } from "./create-customer";
import { deleteCustomer } from "./delete-customer";
import { findCustomers, findCustomersSchema } from "./find-customers";
import { getCustomer } from "./get-customer";
import { getCustomerPassword } from "./get-customer-password";
import { updateCustomer, updateCustomerSchema } from "./update-customer";
import { WALLET_BALANCE_READ_ONLY } from "./customer-fields";
import { zodFieldErrors } from "@/lib/services/zod-helpers";
import { setCustomersStatus } from "./set-customers-status";
import { extendCustomers } from "./extend-customers";
import { changeCustomersPackage } from "./change-customers-package";
import { resetCustomerMac } from "./reset-customer-mac";
import { validateCustomerImport } from "./validate-customer-import";
import { findAuthSubjects } from "@/lib/services/radius/find-auth-subjects";
import { makeCustomer, makePackage, makeTenant, testActor } from "./test-fixtures";

let t: TestDatabase;
let a: string;
let b: string;
let pkgA: string;

const sent = async () => (await queuedJobs(t.db)).map((j) => ({ name: j.name, data: j.data }));

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
  pkgA = (await makePackage(t.db, a)).id;
});
afterEach(async () => {
  await clearJobs(t.db);
});
afterAll(async () => {
  await t.drop();
});

describe("customers", () => {
  it("creates with a sealed password (generated when empty), normalised fields and a first period", async () => {
    const c = await createCustomer(
      t.db,
      { ...createCustomerSchema.parse({ type: "PPPOE", name: "Jane Doe", username: "jane", phone: "0712345678", macAddress: "aa-bb-cc-dd-ee-01", packageId: pkgA }), tenantId: a },
      testActor,
    );
    expect(c.phone).toBe("254712345678");
    expect(c.macAddress).toBe("AA:BB:CC:DD:EE:01");
    expect(c.walletBalance).toBe(0);
    expect(c.generatedPassword).toMatch(/^[a-z2-9]{8}$/);
    expect(c.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(c).not.toHaveProperty("passwordSealed");
    const [row] = await t.db.select().from(customers).where(eq(customers.id, c.id));
    expect(row.passwordSealed).not.toContain(c.generatedPassword!);
    expect(openSecret("customer-password", row.passwordSealed!)).toBe(c.generatedPassword);
    const revealed = await getCustomerPassword(t.db, { tenantId: a, id: c.id }, testActor);
    expect(revealed.password).toBe(c.generatedPassword);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, c.id), eq(auditLog.action, "customer.password.view")));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain(c.generatedPassword!);
  });

  it("refuses a duplicate username (CONFLICT naming the field) and a duplicate static IP", async () => {
    await createCustomer(t.db, { ...createCustomerSchema.parse({ type: "STATIC", name: "S1", username: "dupe", staticIp: "10.0.0.5" }), tenantId: a }, testActor);
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Other", username: "dupe" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { username: ["This username is already taken by another customer"] } },
    });
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "STATIC", name: "S2", username: "s2", staticIp: "10.0.0.5" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { staticIp: expect.any(Array) } },
    });
    // Usernames are unique per tenant only.
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Other", username: "dupe" }), tenantId: b }, testActor)).resolves.toBeTruthy();
  });

  it("refuses a username that differs only in case, on create, update and import, and RADIUS finds it in any case", async () => {
    const jane = await createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Jane W", username: "jane.w", password: "jane-pass" }), tenantId: a }, testActor);
    const taken = { code: "CONFLICT", details: { fieldErrors: { username: ["This username is already taken by another customer"] } } };
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Jane Upper", username: "JANE.W" }), tenantId: a }, testActor)).rejects.toMatchObject(taken);
    const other = await createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Other", username: "other.w" }), tenantId: a }, testActor);
    await expect(updateCustomer(t.db, { ...updateCustomerSchema.parse({ type: "PPPOE", name: "Other", username: "Jane.W" }), tenantId: a, id: other.id }, testActor)).rejects.toMatchObject(taken);
    const preview = await validateCustomerImport(t.db, { tenantId: a, csv: "name,username\nJane Again,Jane.W\nTwin One,twin\nTwin Two,TWIN\n" });
    expect(preview.errors).toEqual([
      { row: 2, field: "username", message: "Username “jane.w” is already taken by another customer" },
      { row: 4, field: "username", message: "Username “TWIN” is also on row 3" },
    ]);
    // Another tenant may use the name; and the router's spelling does not matter to RADIUS.
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "B Jane", username: "JANE.W" }), tenantId: b }, testActor)).resolves.toBeTruthy();
    const [found] = await findAuthSubjects(t.db, [{ tenantId: a, routerId: crypto.randomUUID(), username: "JANE.W" }]);
    expect(found?.id).toBe(jane.id);
  });

  it("refuses a MAC already bound to another customer of the tenant (field error on macAddress), in any spelling", async () => {
    const bound = await createCustomer(t.db, { ...createCustomerSchema.parse({ type: "HOTSPOT", name: "Mac One", username: "mac.one", macAddress: "02:aa:bb:cc:dd:01" }), tenantId: a }, testActor);
    const busy = { code: "CONFLICT", details: { fieldErrors: { macAddress: ["This MAC address is already bound to another customer"] } } };
    for (const macAddress of ["02-AA-BB-CC-DD-01", "02aa.bbcc.dd01"]) {
      await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "HOTSPOT", name: "Mac Two", username: "mac.two", macAddress }), tenantId: a }, testActor)).rejects.toMatchObject(busy);
    }
    const two = await createCustomer(t.db, { ...createCustomerSchema.parse({ type: "HOTSPOT", name: "Mac Two", username: "mac.two" }), tenantId: a }, testActor);
    await expect(updateCustomer(t.db, { ...updateCustomerSchema.parse({ type: "HOTSPOT", name: "Mac Two", username: "mac.two", macAddress: "02AABBCCDD01" }), tenantId: a, id: two.id }, testActor)).rejects.toMatchObject(busy);
    const preview = await validateCustomerImport(t.db, { tenantId: a, csv: "name,username,mac_address\nMac Three,mac.three,02:AA:BB:CC:DD:01\n" });
    expect(preview.errors).toEqual([{ row: 2, field: "mac_address", message: "MAC address 02:AA:BB:CC:DD:01 is already bound to another customer" }]);
    // The same device may belong to a customer of another ISP.
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "HOTSPOT", name: "B Mac", username: "b.mac", macAddress: "02:AA:BB:CC:DD:01" }), tenantId: b }, testActor)).resolves.toBeTruthy();
    expect((await getCustomer(t.db, { tenantId: a, id: bound.id })).macAddress).toBe("02:AA:BB:CC:DD:01");
  });

  it("reports every field error", async () => {
    const err = createCustomerSchema.safeParse({ type: "STATIC", name: "", username: "a b", phone: "12", email: "x", macAddress: "zz", latitude: "100", walletBalance: "5" }).error!;
    const paths = err.issues.map((i) => i.path.join("."));
    // The typed wallet balance is refused among the others, not instead of them.
    expect(paths).toEqual(expect.arrayContaining(["name", "username", "phone", "email", "macAddress", "latitude", "walletBalance"]));
  });

  it("refuses another tenant's package and a package of another connection type", async () => {
    const pkgB = await makePackage(t.db, b);
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Xavier", username: "x1", packageId: pkgB.id }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { packageId: expect.any(Array) } },
    });
    await expect(createCustomer(t.db, { ...createCustomerSchema.parse({ type: "HOTSPOT", name: "Xavier", username: "x2", packageId: pkgA }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("updates partially, keeps the password when blank and cuts sessions off when suspended", async () => {
    const c = await createCustomer(t.db, { ...createCustomerSchema.parse({ type: "PPPOE", name: "Upd", username: "upd", password: "secret1" }), tenantId: a }, testActor);
    await t.db.insert(routers).values({ tenantId: a, name: "n", ipAddress: "10.1.1.1", secretSealed: "x" }).onConflictDoNothing();
    const [n] = await t.db.select().from(routers).where(eq(routers.tenantId, a));
    await t.db.insert(sessions).values({ tenantId: a, routerId: n.id, customerId: c.id, username: "upd", acctSessionId: "s1", startedAt: new Date() });
    const u = await updateCustomer(t.db, { ...updateCustomerSchema.parse({ name: "Updated", password: "" }), tenantId: a, id: c.id }, testActor);
    expect(u.name).toBe("Updated");
    expect((await getCustomerPassword(t.db, { tenantId: a, id: c.id }, testActor)).password).toBe("secret1");
    expect(await sent()).toHaveLength(0);
    await updateCustomer(t.db, { ...updateCustomerSchema.parse({ status: "SUSPENDED" }), tenantId: a, id: c.id }, testActor);
    expect((await sent()).map((s) => s.name)).toEqual([JOBS.disconnectSessions]);
  });

  it("a status change in the edit form (and REST PUT) goes the bulk path's way: same audit, same guarded disconnect", async () => {
    await t.db.insert(routers).values({ tenantId: a, name: "n", ipAddress: "10.1.1.1", secretSealed: "x" }).onConflictDoNothing();
    const [n] = await t.db.select().from(routers).where(eq(routers.tenantId, a));
    const viaForm = await makeCustomer(t.db, a, { packageId: pkgA });
    const viaBulk = await makeCustomer(t.db, a, { packageId: pkgA });
    for (const c of [viaForm, viaBulk]) {
      await t.db.insert(sessions).values({ tenantId: a, routerId: n.id, customerId: c.id, username: c.username, acctSessionId: `st-${c.id}`, startedAt: new Date() });
    }
    await updateCustomer(t.db, { ...updateCustomerSchema.parse({ status: "SUSPENDED", notes: "unpaid" }), tenantId: a, id: viaForm.id }, testActor);
    await setCustomersStatus(t.db, { tenantId: a, ids: [viaBulk.id], status: "SUSPENDED" }, testActor);
    // Before, the edit form sent the disconnect without whenStatusIn, so a resume right after was cut off anyway.
    const jobs = (await sent()).map((s) => s.data as { customerId: string; whenStatusIn?: string[] });
    expect(jobs.find((j) => j.customerId === viaForm.id)?.whenStatusIn).toEqual(["SUSPENDED"]);
    expect(jobs.find((j) => j.customerId === viaBulk.id)?.whenStatusIn).toEqual(["SUSPENDED"]);
    const actions = async (id: string) => (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id))).map((r) => r.action);
    expect(await actions(viaForm.id)).toContain("customer.suspend");
    expect(await actions(viaBulk.id)).toContain("customer.suspend");
    const [after] = await t.db.select().from(customers).where(eq(customers.id, viaForm.id));
    expect(after).toMatchObject({ status: "SUSPENDED", notes: "unpaid" });
  });

  it("a package changed in the edit form (and REST PUT) reaches the live session by CoA, like the change-package action", async () => {
    await t.db.insert(routers).values({ tenantId: a, name: "n", ipAddress: "10.1.1.1", secretSealed: "x" }).onConflictDoNothing();
    const [n] = await t.db.select().from(routers).where(eq(routers.tenantId, a));
    const faster = await makePackage(t.db, a, { name: "Edit faster", downloadKbps: 20000, uploadKbps: 8000 });
    const live = await makeCustomer(t.db, a, { packageId: pkgA, online: true });
    await t.db.insert(sessions).values({ tenantId: a, routerId: n.id, customerId: live.id, username: live.username, acctSessionId: `pk-${live.id}`, startedAt: new Date() });
    const offline = await makeCustomer(t.db, a, { packageId: pkgA });
    await updateCustomer(t.db, { tenantId: a, id: live.id, packageId: faster.id }, testActor);
    await updateCustomer(t.db, { tenantId: a, id: offline.id, packageId: faster.id }, testActor);
    // Before: nothing was sent, so the live session kept the old speed until it reconnected.
    expect(await sent()).toEqual([{ name: JOBS.changeSessionRate, data: expect.objectContaining({ customerId: live.id, rateLimit: "8M/20M" }) }]);
    // Saving without a package change sends nothing.
    await clearJobs(t.db);
    await updateCustomer(t.db, { tenantId: a, id: live.id, notes: "same package" }, testActor);
    expect(await sent()).toEqual([]);
  });

  it("refuses a typed wallet balance on create and update, naming the field", async () => {
    const c = await makeCustomer(t.db, a, { walletBalance: 5_000 });
    const update = updateCustomerSchema.safeParse({ walletBalance: "999" });
    expect(update.success).toBe(false);
    expect(zodFieldErrors(update.error!)).toEqual({ walletBalance: [WALLET_BALANCE_READ_ONLY] });
    expect(WALLET_BALANCE_READ_ONLY).toMatch(/wallet adjustment/);
    const create = createCustomerSchema.safeParse({ type: "PPPOE", name: "Rich", username: "rich1", walletBalance: 100 });
    expect(zodFieldErrors(create.error!)).toEqual({ walletBalance: [WALLET_BALANCE_READ_ONLY] });
    // The update schema takes the other fields as they are: only the balance is refused.
    expect(updateCustomerSchema.safeParse({ name: "Rich", walletBalance: undefined }).success).toBe(true);
    expect((await t.db.select().from(customers).where(eq(customers.id, c.id)))[0].walletBalance).toBe(5_000);
  });

  it("gives NOT_FOUND for another tenant's customer everywhere", async () => {
    const cb = await makeCustomer(t.db, b);
    await expect(getCustomer(t.db, { tenantId: a, id: cb.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateCustomer(t.db, { ...updateCustomerSchema.parse({ name: "Hacked" }), tenantId: a, id: cb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteCustomer(t.db, { tenantId: a, id: cb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCustomerPassword(t.db, { tenantId: a, id: cb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetCustomerMac(t.db, { tenantId: a, id: cb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setCustomersStatus(t.db, { tenantId: a, ids: [cb.id], status: "SUSPENDED" }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(extendCustomers(t.db, { tenantId: a, ids: [cb.id], days: 3 }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [still] = await t.db.select().from(customers).where(eq(customers.id, cb.id));
    expect(still.status).toBe("ACTIVE");
  });

  it("bulk: suspends, resumes, extends and changes package for a selection", async () => {
    const pkg2 = await makePackage(t.db, a, { name: "Bulk2" });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await makeCustomer(t.db, a, { packageId: pkgA, status: i === 0 ? "EXPIRED" : "ACTIVE", expiresAt: new Date(Date.now() - 1000) })).id);
    const s = await setCustomersStatus(t.db, { tenantId: a, ids: ids.slice(1), status: "SUSPENDED" }, testActor);
    expect(s).toEqual({ updated: 2, skipped: 0 });
    const r = await setCustomersStatus(t.db, { tenantId: a, ids: ids.slice(1), status: "ACTIVE" }, testActor);
    expect(r.updated).toBe(2);
    const e = await extendCustomers(t.db, { tenantId: a, ids, days: 7 }, testActor);
    expect(e.updated).toBe(3);
    const rows = await t.db.select().from(customers).where(eq(customers.id, ids[0]));
    expect(rows[0].status).toBe("ACTIVE");
    expect(rows[0].expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const c = await changeCustomersPackage(t.db, { tenantId: a, ids, packageId: pkg2.id }, testActor);
    expect(c.updated).toBe(3);
  });

  it("lists with filters, search and sort", async () => {
    const tenant = await makeTenant(t.db, "L");
    const p = await makePackage(t.db, tenant);
    await makeCustomer(t.db, tenant, { name: "Amina Wanjiru", username: "amina", phone: "254711000111", packageId: p.id, expiresAt: new Date(Date.now() + 2 * 86_400_000) });
    await makeCustomer(t.db, tenant, { name: "Brian Otieno", username: "brian", status: "SUSPENDED", online: true });
    await makeCustomer(t.db, tenant, { name: "Carol", username: "carol", type: "HOTSPOT", expiresAt: new Date(Date.now() + 30 * 86_400_000) });
    const all = await findCustomers(t.db, { ...findCustomersSchema.parse({ sort: "name", dir: "asc" }), tenantId: tenant });
    expect(all.rows.map((r) => r.username)).toEqual(["amina", "brian", "carol"]);
    expect(all.total).toBe(3);
    expect((await findCustomers(t.db, { ...findCustomersSchema.parse({ q: "0111" }), tenantId: tenant })).rows.map((r) => r.username)).toEqual(["amina"]);
    expect((await findCustomers(t.db, { ...findCustomersSchema.parse({ q: "OTIEN" }), tenantId: tenant })).rows.map((r) => r.username)).toEqual(["brian"]);
    expect((await findCustomers(t.db, { ...findCustomersSchema.parse({ status: "SUSPENDED" }), tenantId: tenant })).total).toBe(1);
    expect((await findCustomers(t.db, { ...findCustomersSchema.parse({ online: "yes" }), tenantId: tenant })).rows[0].username).toBe("brian");
    expect((await findCustomers(t.db, { ...findCustomersSchema.parse({ type: "HOTSPOT" }), tenantId: tenant })).rows[0].username).toBe("carol");
    expect((await findCustomers(t.db, { ...findCustomersSchema.parse({ expiring: "soon" }), tenantId: tenant })).rows.map((r) => r.username)).toEqual(["amina"]);
    const byPkg = await findCustomers(t.db, { ...findCustomersSchema.parse({ packageId: p.id }), tenantId: tenant });
    expect(byPkg.rows[0].packageName).toBe(p.name);
    const paged = await findCustomers(t.db, { ...findCustomersSchema.parse({ sort: "name", dir: "desc", pageSize: 2, page: 2 }), tenantId: tenant });
    expect(paged.rows.map((r) => r.username)).toEqual(["amina"]);
    expect(paged.pageCount).toBe(2);
  });
});

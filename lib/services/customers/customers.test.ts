import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, customers, nas, sessions } from "@/lib/db/schema";
import { openSecret } from "@/lib/crypto";
import { clearJobs, queuedJobs } from "@/lib/testing/jobs";
import { JOBS } from "@/lib/jobs/names";
import { createCustomer } from "./create-customer";
import { deleteCustomer } from "./delete-customer";
import { findCustomers } from "./find-customers";
import { getCustomer } from "./get-customer";
import { getCustomerPassword } from "./get-customer-password";
import { updateCustomer } from "./update-customer";
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
      { tenantId: a, type: "PPPOE", name: "Jane Doe", username: "jane", phone: "0712345678", macAddress: "aa-bb-cc-dd-ee-01", packageId: pkgA },
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
    await createCustomer(t.db, { tenantId: a, type: "STATIC", name: "S1", username: "dupe", staticIp: "10.0.0.5" }, testActor);
    await expect(createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Other", username: "dupe" }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { username: ["This username is already taken by another customer"] } },
    });
    await expect(createCustomer(t.db, { tenantId: a, type: "STATIC", name: "S2", username: "s2", staticIp: "10.0.0.5" }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { staticIp: expect.any(Array) } },
    });
    // Usernames are unique per tenant only.
    await expect(createCustomer(t.db, { tenantId: b, type: "PPPOE", name: "Other", username: "dupe" }, testActor)).resolves.toBeTruthy();
  });

  it("refuses a username that differs only in case, on create, update and import, and RADIUS finds it in any case", async () => {
    const jane = await createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Jane W", username: "jane.w", password: "jane-pass" }, testActor);
    const taken = { code: "CONFLICT", details: { fieldErrors: { username: ["This username is already taken by another customer"] } } };
    await expect(createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Jane Upper", username: "JANE.W" }, testActor)).rejects.toMatchObject(taken);
    const other = await createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Other", username: "other.w" }, testActor);
    await expect(updateCustomer(t.db, { tenantId: a, id: other.id, type: "PPPOE", name: "Other", username: "Jane.W" }, testActor)).rejects.toMatchObject(taken);
    const preview = await validateCustomerImport(t.db, { tenantId: a, csv: "name,username\nJane Again,Jane.W\nTwin One,twin\nTwin Two,TWIN\n" });
    expect(preview.errors).toEqual([
      { row: 2, field: "username", message: "Username “jane.w” is already taken by another customer" },
      { row: 4, field: "username", message: "Username “TWIN” is also on row 3" },
    ]);
    // Another tenant may use the name; and the router's spelling does not matter to RADIUS.
    await expect(createCustomer(t.db, { tenantId: b, type: "PPPOE", name: "B Jane", username: "JANE.W" }, testActor)).resolves.toBeTruthy();
    const [found] = await findAuthSubjects(t.db, [{ tenantId: a, nasId: crypto.randomUUID(), username: "JANE.W" }]);
    expect(found?.id).toBe(jane.id);
  });

  it("refuses a MAC already bound to another customer of the tenant (field error on macAddress), in any spelling", async () => {
    const bound = await createCustomer(t.db, { tenantId: a, type: "HOTSPOT", name: "Mac One", username: "mac.one", macAddress: "02:aa:bb:cc:dd:01" }, testActor);
    const busy = { code: "CONFLICT", details: { fieldErrors: { macAddress: ["This MAC address is already bound to another customer"] } } };
    for (const macAddress of ["02-AA-BB-CC-DD-01", "02aa.bbcc.dd01"]) {
      await expect(createCustomer(t.db, { tenantId: a, type: "HOTSPOT", name: "Mac Two", username: "mac.two", macAddress }, testActor)).rejects.toMatchObject(busy);
    }
    const two = await createCustomer(t.db, { tenantId: a, type: "HOTSPOT", name: "Mac Two", username: "mac.two" }, testActor);
    await expect(updateCustomer(t.db, { tenantId: a, id: two.id, type: "HOTSPOT", name: "Mac Two", username: "mac.two", macAddress: "02AABBCCDD01" }, testActor)).rejects.toMatchObject(busy);
    const preview = await validateCustomerImport(t.db, { tenantId: a, csv: "name,username,mac_address\nMac Three,mac.three,02:AA:BB:CC:DD:01\n" });
    expect(preview.errors).toEqual([{ row: 2, field: "mac_address", message: "MAC address 02:AA:BB:CC:DD:01 is already bound to another customer" }]);
    // The same device may belong to a customer of another ISP.
    await expect(createCustomer(t.db, { tenantId: b, type: "HOTSPOT", name: "B Mac", username: "b.mac", macAddress: "02:AA:BB:CC:DD:01" }, testActor)).resolves.toBeTruthy();
    expect((await getCustomer(t.db, { tenantId: a, id: bound.id })).macAddress).toBe("02:AA:BB:CC:DD:01");
  });

  it("reports every field error", async () => {
    const err = await createCustomer(t.db, { tenantId: a, type: "STATIC", name: "", username: "a b", phone: "12", email: "x", macAddress: "zz", latitude: "100" }, testActor).catch((e) => e);
    const paths = err.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "username", "phone", "email", "macAddress", "latitude"]));
  });

  it("refuses another tenant's package and a package of another connection type", async () => {
    const pkgB = await makePackage(t.db, b);
    await expect(createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Xavier", username: "x1", packageId: pkgB.id }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { packageId: expect.any(Array) } },
    });
    await expect(createCustomer(t.db, { tenantId: a, type: "HOTSPOT", name: "Xavier", username: "x2", packageId: pkgA }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("updates partially, keeps the password when blank and cuts sessions off when suspended", async () => {
    const c = await createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Upd", username: "upd", password: "secret1" }, testActor);
    await t.db.insert(nas).values({ tenantId: a, name: "n", ipAddress: "10.1.1.1", secretSealed: "x" }).onConflictDoNothing();
    const [n] = await t.db.select().from(nas).where(eq(nas.tenantId, a));
    await t.db.insert(sessions).values({ tenantId: a, nasId: n.id, customerId: c.id, username: "upd", acctSessionId: "s1", startedAt: new Date() });
    const u = await updateCustomer(t.db, { tenantId: a, id: c.id, name: "Updated", password: "" }, testActor);
    expect(u.name).toBe("Updated");
    expect((await getCustomerPassword(t.db, { tenantId: a, id: c.id }, testActor)).password).toBe("secret1");
    expect(await sent()).toHaveLength(0);
    await updateCustomer(t.db, { tenantId: a, id: c.id, status: "SUSPENDED" }, testActor);
    expect((await sent()).map((s) => s.name)).toEqual([JOBS.disconnectSessions]);
  });

  it("a status change in the edit form (and REST PUT) goes the bulk path's way: same audit, same guarded disconnect", async () => {
    await t.db.insert(nas).values({ tenantId: a, name: "n", ipAddress: "10.1.1.1", secretSealed: "x" }).onConflictDoNothing();
    const [n] = await t.db.select().from(nas).where(eq(nas.tenantId, a));
    const viaForm = await makeCustomer(t.db, a, { packageId: pkgA });
    const viaBulk = await makeCustomer(t.db, a, { packageId: pkgA });
    for (const c of [viaForm, viaBulk]) {
      await t.db.insert(sessions).values({ tenantId: a, nasId: n.id, customerId: c.id, username: c.username, acctSessionId: `st-${c.id}`, startedAt: new Date() });
    }
    await updateCustomer(t.db, { tenantId: a, id: viaForm.id, status: "SUSPENDED", notes: "unpaid" }, testActor);
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
    await t.db.insert(nas).values({ tenantId: a, name: "n", ipAddress: "10.1.1.1", secretSealed: "x" }).onConflictDoNothing();
    const [n] = await t.db.select().from(nas).where(eq(nas.tenantId, a));
    const faster = await makePackage(t.db, a, { name: "Edit faster", downloadKbps: 20000, uploadKbps: 8000 });
    const live = await makeCustomer(t.db, a, { packageId: pkgA, online: true });
    await t.db.insert(sessions).values({ tenantId: a, nasId: n.id, customerId: live.id, username: live.username, acctSessionId: `pk-${live.id}`, startedAt: new Date() });
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
    await expect(updateCustomer(t.db, { tenantId: a, id: c.id, walletBalance: "999" }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { walletBalance: [expect.stringMatching(/wallet adjustment/)] } },
    });
    await expect(createCustomer(t.db, { tenantId: a, type: "PPPOE", name: "Rich", username: "rich1", walletBalance: 100 }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await t.db.select().from(customers).where(eq(customers.id, c.id)))[0].walletBalance).toBe(5_000);
  });

  it("gives NOT_FOUND for another tenant's customer everywhere", async () => {
    const cb = await makeCustomer(t.db, b);
    await expect(getCustomer(t.db, { tenantId: a, id: cb.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateCustomer(t.db, { tenantId: a, id: cb.id, name: "Hacked" }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
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
    const all = await findCustomers(t.db, { tenantId: tenant, sort: "name", dir: "asc" });
    expect(all.rows.map((r) => r.username)).toEqual(["amina", "brian", "carol"]);
    expect(all.total).toBe(3);
    expect((await findCustomers(t.db, { tenantId: tenant, q: "0111" })).rows.map((r) => r.username)).toEqual(["amina"]);
    expect((await findCustomers(t.db, { tenantId: tenant, q: "OTIEN" })).rows.map((r) => r.username)).toEqual(["brian"]);
    expect((await findCustomers(t.db, { tenantId: tenant, status: "SUSPENDED" })).total).toBe(1);
    expect((await findCustomers(t.db, { tenantId: tenant, online: "yes" })).rows[0].username).toBe("brian");
    expect((await findCustomers(t.db, { tenantId: tenant, type: "HOTSPOT" })).rows[0].username).toBe("carol");
    expect((await findCustomers(t.db, { tenantId: tenant, expiring: "soon" })).rows.map((r) => r.username)).toEqual(["amina"]);
    const byPkg = await findCustomers(t.db, { tenantId: tenant, packageId: p.id });
    expect(byPkg.rows[0].packageName).toBe(p.name);
    const paged = await findCustomers(t.db, { tenantId: tenant, sort: "name", dir: "desc", pageSize: 2, page: 2 });
    expect(paged.rows.map((r) => r.username)).toEqual(["amina"]);
    expect(paged.pageCount).toBe(2);
  });
});

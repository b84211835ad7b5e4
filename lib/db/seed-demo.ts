// Demo network for the seeded tenant only (never production installs): like FreeRADIUS's `localhost`
// client, a router for 127.0.0.1 with secret testing123, three packages, two customers and a few vouchers,
// so `radtest demo-pppoe demo-pass-123 127.0.0.1 0 testing123` works on a fresh install.
import type { Database } from "./client";
import { customers, routers, packages, vouchers } from "./schema";
import { sealSecret } from "@/lib/crypto";

export const DEMO_RADIUS = {
  routerIp: "127.0.0.1",
  secret: "testing123",
  pppoe: { username: "demo-pppoe", password: "demo-pass-123" },
  hotspot: { username: "demo-hotspot", password: "demo-pass-123" },
  vouchers: ["DEMO-1111", "DEMO-2222", "DEMO-3333"],
} as const;

export async function seedDemoNetwork(db: Database, tenantId: string): Promise<void> {
  await db.insert(routers).values({
    tenantId,
    name: "Local test router (radtest)",
    ipAddress: DEMO_RADIUS.routerIp,
    secretSealed: sealSecret("nas-secret", DEMO_RADIUS.secret),
    type: "OTHER",
    // radtest/radclient 3.2.1 only send Message-Authenticator when asked; real routers should require it.
    requireMessageAuthenticator: false,
    location: "This server",
  });
  const [pppoe, hour, day] = await db
    .insert(packages)
    .values([
      {
        tenantId,
        name: "Home 10 Mbps",
        description: "PPPoE, 10 Mbps down / 5 Mbps up, burst to 15/8 Mbps",
        type: "PPPOE",
        price: 250_000,
        validityValue: 1,
        validityUnit: "MONTHS",
        downloadKbps: 10_000,
        uploadKbps: 5_000,
        burstDownloadKbps: 15_000,
        burstUploadKbps: 8_000,
        burstThresholdDownloadKbps: 8_000,
        burstThresholdUploadKbps: 4_000,
        burstTimeSeconds: 16,
        priority: 8,
      },
      {
        tenantId,
        name: "Hotspot 1 hour",
        type: "HOTSPOT",
        price: 2_000,
        validityValue: 1,
        validityUnit: "HOURS",
        downloadKbps: 5_000,
        uploadKbps: 2_000,
        sharedUsers: 1,
        idleTimeoutSeconds: 600,
      },
      {
        tenantId,
        name: "Hotspot 1 day 2 GB",
        type: "HOTSPOT",
        price: 5_000,
        validityValue: 1,
        validityUnit: "DAYS",
        downloadKbps: 8_000,
        uploadKbps: 3_000,
        dataQuotaBytes: 2n * 1024n * 1024n * 1024n,
        fupDownloadKbps: 512,
        fupUploadKbps: 256,
        sharedUsers: 2,
        idleTimeoutSeconds: 900,
      },
    ])
    .returning({ id: packages.id });
  const month = new Date(Date.now() + 30 * 86_400_000);
  await db.insert(customers).values([
    {
      tenantId,
      type: "PPPOE",
      name: "Demo PPPoE Subscriber",
      username: DEMO_RADIUS.pppoe.username,
      passwordSealed: sealSecret("customer-password", DEMO_RADIUS.pppoe.password),
      packageId: pppoe.id,
      status: "ACTIVE",
      expiresAt: month,
      phone: "+254700000001",
    },
    {
      tenantId,
      type: "HOTSPOT",
      name: "Demo Hotspot User",
      username: DEMO_RADIUS.hotspot.username,
      passwordSealed: sealSecret("customer-password", DEMO_RADIUS.hotspot.password),
      packageId: day.id,
      status: "ACTIVE",
      expiresAt: month,
      phone: "+254700000002",
    },
  ]);
  await db.insert(vouchers).values(
    DEMO_RADIUS.vouchers.map((code, i) => ({ tenantId, packageId: i === 2 ? day.id : hour.id, code, status: "AVAILABLE" as const })),
  );
}

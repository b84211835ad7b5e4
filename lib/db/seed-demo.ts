// Demo network for the seeded tenant: filled in by the RADIUS and subscriber features.
import type { Database } from "./client";

export async function seedDemoNetwork(_db: Database, _tenantId: string): Promise<void> {}

import { describe, expect, it } from "vitest";
import { setCustomersStatusSchema } from "@/lib/services/customers/set-customers-status";
import { customerFiltersSchema } from "@/lib/services/customers/find-customers";
import { isUuid, uuidField } from "./ids";

// PostgreSQL's uuid type takes any 128 bits in hex; before, some schemas used zod's RFC-version check
// and others a plain pattern, so the same id was "invalid" in one form and NOT_FOUND in the next.
const IDS = ["3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b", "11111111-1111-1111-1111-111111111111", "00000000-0000-0000-0000-000000000000", "3F2B8C1E-9D4A-4E6B-8F1A-2C3D4E5F6A7B"];
const NOT_IDS = ["", "not-a-uuid", "3f2b8c1e9d4a4e6b8f1a2c3d4e5f6a7b", "3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7", "{3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b}"];

describe("row ids", () => {
  it("are checked by one rule everywhere", () => {
    for (const id of IDS) expect(isUuid(id), id).toBe(true);
    for (const id of NOT_IDS) expect(isUuid(id), id).toBe(false);
    for (const id of [...IDS, ...NOT_IDS]) {
      expect(uuidField().safeParse(id).success, id).toBe(isUuid(id));
      expect(setCustomersStatusSchema.safeParse({ ids: [id], status: "ACTIVE" }).success, id).toBe(isUuid(id));
      expect(customerFiltersSchema.safeParse({ packageId: id || undefined }).success, id).toBe(id === "" || isUuid(id));
    }
  });
});

// The whole schema, one file per aggregate.
export * from "./tenants";
export * from "./users";
export * from "./packages";
export * from "./routers";
export * from "./ip-pools";
export * from "./customers";
export * from "./sessions";
export * from "./vouchers";
export * from "./finance";
export * from "./portal";
export * from "./logs";

import { describe, expect, it } from "vitest";
import { parseListParams } from "./list-params";

const opts = { sortable: ["name", "createdAt"] as const, defaultSort: "createdAt" as const, filters: ["status"] };

describe("parseListParams", () => {
  it("reads page, size, sort direction, search and known filters", () => {
    expect(parseListParams({ page: "3", pageSize: "50", sort: "-name", q: "  ali ", status: "ACTIVE", other: "x" }, opts)).toEqual({
      page: 3,
      pageSize: 50,
      sort: "name",
      dir: "desc",
      q: "ali",
      filters: { status: "ACTIVE" },
    });
  });

  it("falls back to safe defaults for anything unexpected", () => {
    const p = parseListParams({ page: "-4", pageSize: "100000", sort: "password; drop table", q: "" }, opts);
    expect(p).toMatchObject({ page: 1, pageSize: 25, sort: "createdAt", dir: "desc", q: undefined, filters: {} });
  });
});

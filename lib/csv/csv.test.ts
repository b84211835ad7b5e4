import { describe, expect, it } from "vitest";
import { CsvError, csvRow, parseCsv, toCsv } from "./index";

describe("csv", () => {
  it("parses quotes, escaped quotes, embedded line breaks, CRLF and a BOM", () => {
    const text = '\ufeffname,notes\r\n"Doe, Jane","said ""hi""\nthen left"\r\n\r\nBob,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["name", "notes"] },
      { line: 2, fields: ["Doe, Jane", 'said "hi"\nthen left'] },
      { line: 5, fields: ["Bob", ""] },
    ]);
  });
  it("keeps an empty quoted field and a last line without a newline", () => {
    expect(parseCsv('a,b\n"",x').map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["", "x"],
    ]);
  });
  it("reports broken quoting with the line", () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
    expect(() => parseCsv('a\nx"y')).toThrow(/line 2/);
  });
  it("writes fields that round-trip and defuses formulas", () => {
    const out = toCsv(["a", "b"], [["x,y", 'q"q'], ["=SUM(A1)", 5]]);
    expect(out).toBe('a,b\r\n"x,y","q""q"\r\n\'=SUM(A1),5\r\n');
    expect(parseCsv(csvRow(["line\nbreak", null])).map((r) => r.fields)).toEqual([["line\nbreak", ""]]);
  });
});

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
  it("reads mixed line endings, each record with the line it starts on", () => {
    expect(parseCsv('a,b\r\n1,"x\r\ny"\n2,z\r3,w')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "x\r\ny"] },
      { line: 4, fields: ["2", "z"] },
      { line: 5, fields: ["3", "w"] },
    ]);
  });
  it("guards only cells that start a formula: phone numbers and negative amounts stay numbers", () => {
    expect(csvRow(["+254712345678", "-500", "-1.5", "+1e3"])).toBe("+254712345678,-500,-1.5,+1e3\r\n");
    expect(csvRow(["+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx"])).toBe("'+cmd|' /C calc'!A0,'-2+3,'@SUM(A1),'\tx\r\n");
  });
  it("reads back what it writes, guarded formulas included", () => {
    const row = ["=HYPERLINK(\"x\")", "+254712345678", "-500", "it's", "'quoted already", "'=already guarded", "a,b", "line\nbreak"];
    expect(parseCsv(csvRow(row))[0].fields).toEqual(row);
  });
  it("writes fields that round-trip and defuses formulas", () => {
    const out = toCsv(["a", "b"], [["x,y", 'q"q'], ["=SUM(A1)", 5]]);
    expect(out).toBe('a,b\r\n"x,y","q""q"\r\n\'=SUM(A1),5\r\n');
    expect(parseCsv(csvRow(["line\nbreak", null])).map((r) => r.fields)).toEqual([["line\nbreak", ""]]);
  });
});

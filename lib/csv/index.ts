// CSV in and out for spreadsheets, on csv-parse and csv-stringify (RFC 4180: quoted fields with ""
// escapes and line breaks, CRLF, LF or CR, a leading BOM ignored). On top of them: each record keeps the
// line it starts on (for row errors), and the formula guard, applied on export and undone on import so a
// file we write reads back as it was.
import { parse, CsvError as ParseError } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export class CsvError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/** A short, spreadsheet-user reading of csv-parse's error codes. */
function describe(e: ParseError & { lines?: number }): string {
  const line = e.lines ?? 1;
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `A quoted field is never closed (the file ends inside quotes, opened on or before line ${line})`;
    case "INVALID_OPENING_QUOTE":
      return `A quote inside an unquoted field on line ${line}`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `Unexpected character after a closing quote on line ${line}`;
    default:
      return `Line ${line}: ${e.message}`;
  }
}

/**
 * All records of a CSV text; blank lines are skipped. Each record carries the line it started on. Cells
 * that our export guarded against formulas ('=…) come back as they were.
 */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const buf = Buffer.from(text, "utf8");
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(buf, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (e) {
    if (e instanceof ParseError) throw new CsvError(describe(e), (e as ParseError & { lines?: number }).lines ?? 1);
    throw e;
  }
  // csv-parse tells where each record ends (in bytes); its own line count is off for CR line breaks, so
  // the line a record starts on is counted here: the breaks before it, blank lines skipped.
  const out: Array<{ line: number; fields: string[] }> = [];
  let pos = 0;
  let line = 1;
  const skipBreak = () => {
    if (buf[pos] === CR && buf[pos + 1] === LF) pos += 2;
    else pos++;
    line++;
  };
  for (const { record, info } of records) {
    while (pos < info.bytes && (buf[pos] === CR || buf[pos] === LF)) skipBreak();
    out.push({ line, fields: record.map(unguard) });
    while (pos < info.bytes) {
      if (buf[pos] === CR || buf[pos] === LF) skipBreak();
      else pos++;
    }
  }
  return out;
}

const CR = 0x0d;
const LF = 0x0a;

/** A cell a spreadsheet would run as a formula. Plain numbers (+254712345678, -500, -1.5) are not formulas. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function startsFormula(s: string): boolean {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
}

/** Quote marks before a formula are escaped too ('=x becomes ''=x), so unguard is exact. */
const guarded = (s: string) => startsFormula(s.replace(/^'+/, ""));

function guard(s: string): string {
  return guarded(s) ? `'${s}` : s;
}

/** Undoes `guard`: one leading ' before what would be a formula is ours, not the data's. */
function unguard(s: string): string {
  return s.startsWith("'") && guarded(s) ? s.slice(1) : s;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return guard(String(value));
}

/** One CSV record, CRLF-terminated: quoted where needed, formula-guarded. */
export function csvRow(values: unknown[]): string {
  return stringify([values.map(cellText)], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows].map((r) => r.map(cellText)), { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

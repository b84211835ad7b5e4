// A small RFC 4180 CSV reader and writer: quoted fields with "" escapes and line breaks, CRLF or LF,
// a leading BOM ignored. Writing guards against spreadsheet formula injection.

export class CsvError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/** All records of a CSV text; blank lines are skipped. Each record carries the line it started on. */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const n = src.length;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) out.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  while (i < n) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (i < n && next !== "," && next !== "\n" && next !== "\r") throw new CsvError(`Unexpected character after a closing quote on line ${line}`, line);
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new CsvError(`A quote inside an unquoted field on line ${line}`, line);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      fieldStarted = true;
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new CsvError(`A quoted field that starts on line ${recordLine} is never closed`, recordLine);
  if (field !== "" || fields.length > 0 || fieldStarted) endRecord();
  return out;
}

const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field: quoted when needed; text a spreadsheet would run as a formula gets a leading '. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return csvRow(header) + rows.map(csvRow).join("");
}

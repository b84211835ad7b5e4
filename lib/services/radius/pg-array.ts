// PostgreSQL array literals for unnest()-based batch statements: the driver does not know every array
// type's serializer (uuid[], int8[]…), while a text literal cast in SQL works for all of them.
export function pgArray(values: readonly (string | number | bigint | boolean | null | undefined)[]): string {
  return `{${values
    .map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`))
    .join(",")}}`;
}

// A choice among ISO codes shown with their names ("Kenya", "KES · Kenyan Shilling"), so nobody types
// a country or currency and has it cut to fit.
import { Select } from "@/components/ui/field";
import type { CodeOption } from "@/lib/regions";

export function CodeSelect({
  id,
  name,
  options,
  defaultValue,
  invalid,
  showCode = false,
}: {
  id: string;
  name: string;
  options: CodeOption[];
  defaultValue: string;
  invalid?: boolean;
  /** Put the code before the name (currencies are known by their code). */
  showCode?: boolean;
}) {
  // A stored value the list no longer has stays selectable, so saving the form does not change it.
  const all = options.some((o) => o.code === defaultValue) || !defaultValue ? options : [{ code: defaultValue, name: defaultValue }, ...options];
  return (
    <Select id={id} name={name} defaultValue={defaultValue} invalid={invalid}>
      {all.map((o) => (
        <option key={o.code} value={o.code}>
          {showCode && o.name !== o.code ? `${o.code} · ${o.name}` : o.name}
        </option>
      ))}
    </Select>
  );
}

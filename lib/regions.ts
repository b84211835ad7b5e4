// The countries and currencies an ISP can choose at registration and in its profile: ISO 3166-1
// alpha-2 and ISO 4217 codes with their English names, from the runtime's own Intl data.
export interface CodeOption {
  code: string;
  name: string;
}

// Codes Intl can name that are not countries today (groupings, reserved or withdrawn codes).
const NOT_COUNTRIES = new Set("AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ".split(" "));

let countries: CodeOption[] | null = null;
let currencies: CodeOption[] | null = null;

export function countryOptions(): CodeOption[] {
  if (countries) return countries;
  const names = new Intl.DisplayNames("en", { type: "region", fallback: "none" });
  const out: CodeOption[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (name) out.push({ code, name });
    }
  countries = out.sort((x, y) => x.name.localeCompare(y.name, "en"));
  return countries;
}

export function currencyOptions(): CodeOption[] {
  if (currencies) return currencies;
  const names = new Intl.DisplayNames("en", { type: "currency", fallback: "none" });
  currencies = Intl.supportedValuesOf("currency")
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((x, y) => x.code.localeCompare(y.code, "en"));
  return currencies;
}

export const isCountryCode = (code: string) => countryOptions().some((c) => c.code === code);
export const isCurrencyCode = (code: string) => currencyOptions().some((c) => c.code === code);

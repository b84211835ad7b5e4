// One money mechanism: minor units, parse what people type, format what they read.
export { currencyExponent, formatMoney, formatMoneyCompact, formatMoneyInput, toMinorUnits } from "./money";
export { moneyField } from "./money-field";

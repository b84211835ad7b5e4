"use client";
// Revenue per month (the last six), as bars, with the amount in the tenant's currency on hover.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "@/lib/money";
import { monthLabel } from "./format";
import { useReducedMotion } from "./use-reduced-motion";

export interface RevenuePoint {
  month: string;
  amount: number;
  payments: number;
}

export function RevenueChart({ data, currency, height = 260 }: { data: RevenuePoint[]; currency: string; height?: number }) {
  const still = useReducedMotion();
  const rows = data.map((d) => ({ ...d, label: monthLabel(d.month, true) }));
  const total = data.reduce((a, d) => a + d.amount, 0);
  return (
    <figure aria-label={`Revenue for the last ${data.length} months`} className="w-full">
      <div style={{ height }} className="relative w-full">
        {total === 0 && (
          <p className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center text-sm text-slate-500">
            No completed payments in the last {data.length} months yet.
          </p>
        )}
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <defs>
              <linearGradient id="revenueFill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor="#6366f1" stopOpacity={0.95} />
                <stop offset="100%" stopColor="#818cf8" stopOpacity={0.75} />
              </linearGradient>
            </defs>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} />
            <YAxis
              tickLine={false}
              axisLine={false}
              width={48}
              tick={{ fontSize: 12, fill: "#64748b" }}
              allowDecimals={false}
              // Values are minor units: an empty or tiny chart still gets whole-unit ticks (0 to 100).
              domain={[0, (max: number) => Math.max(max, 10_000)]}
              tickFormatter={(v: number) => formatMoneyCompact(v, currency)}
            />
            <Tooltip
              cursor={{ fill: "#eef2ff" }}
              isAnimationActive={!still}
              formatter={(v) => [formatMoney(Number(v), currency), "Revenue"]}
              labelFormatter={(_l, p) => {
                const row = p?.[0]?.payload as (RevenuePoint & { label: string }) | undefined;
                return row ? `${monthLabel(row.month)} · ${row.payments.toLocaleString("en-US")} payment${row.payments === 1 ? "" : "s"}` : "";
              }}
              contentStyle={{ borderRadius: 8, border: "1px solid #e2e8f0", fontSize: 13 }}
            />
            <Bar dataKey="amount" fill="url(#revenueFill)" radius={[6, 6, 0, 0]} maxBarSize={56} isAnimationActive={!still} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {rows.map((r) => `${monthLabel(r.month)}: ${formatMoney(r.amount, currency)}`).join("; ")}. Total {formatMoney(total, currency)}.
      </figcaption>
    </figure>
  );
}

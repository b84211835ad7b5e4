"use client";
// A donut of parts of a whole (customers by status), with its legend beside it.
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { useReducedMotion } from "./use-reduced-motion";

export interface DonutSlice {
  key: string;
  label: string;
  value: number;
  color: string;
  href?: string;
}

export function DonutChart({ data, centerLabel, size = 168 }: { data: DonutSlice[]; centerLabel: string; size?: number }) {
  const still = useReducedMotion();
  const total = data.reduce((a, d) => a + d.value, 0);
  const shown = total > 0 ? data.filter((d) => d.value > 0) : [{ key: "none", label: "None", value: 1, color: "#e2e8f0" }];
  return (
    <div className="flex flex-col items-center gap-5 sm:flex-row lg:flex-col">
      <div className="relative shrink-0" style={{ width: size, height: size }}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie
              data={shown}
              dataKey="value"
              nameKey="label"
              innerRadius="68%"
              outerRadius="100%"
              paddingAngle={total > 0 && shown.length > 1 ? 2 : 0}
              stroke="none"
              isAnimationActive={!still}
            >
              {shown.map((d) => (
                <Cell key={d.key} fill={d.color} />
              ))}
            </Pie>
            {total > 0 && <Tooltip isAnimationActive={!still} contentStyle={{ borderRadius: 8, border: "1px solid #e2e8f0", fontSize: 13 }} />}
          </PieChart>
        </ResponsiveContainer>
        <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
          <span className="text-2xl font-semibold tracking-tight text-slate-900">{total.toLocaleString("en-US")}</span>
          <span className="text-xs text-slate-500">{centerLabel}</span>
        </div>
      </div>
      <ul className="w-full space-y-2 text-sm">
        {data.map((d) => {
          const pct = total > 0 ? Math.round((d.value / total) * 100) : 0;
          const body = (
            <>
              <span className="flex items-center gap-2 text-slate-600">
                <span className="size-2.5 rounded-full" style={{ background: d.color }} aria-hidden />
                {d.label}
              </span>
              <span className="tabular-nums text-slate-900">
                {d.value.toLocaleString("en-US")} <span className="text-xs text-slate-400">{pct}%</span>
              </span>
            </>
          );
          return (
            <li key={d.key}>
              {d.href ? (
                <a href={d.href} className="-mx-2 flex items-center justify-between rounded-md px-2 py-1 hover:bg-slate-50">
                  {body}
                </a>
              ) : (
                <div className="flex items-center justify-between py-1">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

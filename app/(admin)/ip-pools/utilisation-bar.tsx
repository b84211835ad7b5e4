// A pool's utilisation: assigned of usable addresses, as a bar that turns amber then red as it fills.
export function UtilisationBar({ assigned, size, pct }: { assigned: number; size: number; pct: number }) {
  const tone = pct >= 90 ? "bg-red-500" : pct >= 70 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="min-w-[140px]">
      <div className="mb-1 flex justify-between text-xs text-slate-600">
        <span className="tabular-nums">
          {assigned.toLocaleString()} / {size.toLocaleString()}
        </span>
        <span className="tabular-nums">{pct}%</span>
      </div>
      <div className="h-2 rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Utilisation">
        <div className={`h-2 rounded-full ${tone}`} style={{ width: `${Math.max(pct, pct > 0 ? 2 : 0)}%` }} />
      </div>
    </div>
  );
}

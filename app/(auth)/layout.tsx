import { Wifi } from "lucide-react";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <div className="relative hidden w-[44%] flex-col justify-between overflow-hidden bg-slate-900 p-10 text-white lg:flex">
        <div className="absolute -right-24 -top-24 size-96 rounded-full bg-brand-600/30 blur-3xl" aria-hidden />
        <div className="absolute -bottom-32 -left-16 size-96 rounded-full bg-emerald-500/10 blur-3xl" aria-hidden />
        <div className="relative flex items-center gap-3">
          <span className="flex size-9 items-center justify-center rounded-lg bg-brand-500">
            <Wifi className="size-5" aria-hidden />
          </span>
          <span className="text-lg font-semibold">ISP Console</span>
        </div>
        <div className="relative max-w-md">
          <h2 className="text-3xl font-semibold leading-tight">Every subscriber, router and shilling in one place.</h2>
          <p className="mt-4 text-slate-300">
            RADIUS for your MikroTik routers, PPPoE and hotspot customers, vouchers, M-Pesa payments and live sessions — built for ISPs that
            need it to just work.
          </p>
        </div>
        <p className="relative text-xs text-slate-500">Multi-tenant · RADIUS · MikroTik · M-Pesa</p>
      </div>
      <main className="flex flex-1 items-center justify-center px-4 py-12 sm:px-8">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}

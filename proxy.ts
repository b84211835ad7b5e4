// Sends signed-out visitors of the admin area to sign-in. Only a first filter: every layout, action
// and route handler checks the session again against the database.
import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";

const PUBLIC_PREFIXES = ["/sign-in", "/register", "/forgot-password", "/reset-password", "/portal", "/api", "/health", "/_next", "/favicon"];

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/sign-in";
  const back = pathname === "/" || pathname === "/dashboard" ? null : safeCallbackPath(pathname + search, env().APP_URL, "");
  url.search = back ? `?callbackUrl=${encodeURIComponent(back)}` : "";
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };

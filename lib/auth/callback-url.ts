// Where to go after sign-in: only a path of this application. One check for the sign-in page, the
// next-auth redirect callback and the proxy. Browsers strip tabs and newlines from URLs and read "\"
// as "/", so "/\evil.example" or "/\t/evil.example" would leave the site; such values are refused,
// also when percent-encoded (a later decode would reveal them), and the rest is parsed against APP_URL.

const UNSAFE = /[\u0000-\u001f\u007f\\]/;

function decodings(raw: string): string[] {
  const out = [raw];
  let cur = raw;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      return [...out, "\\"]; // malformed encoding: refuse
    }
    if (next === cur) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/**
 * The same-origin path (with query and fragment) that `raw` points to, or `fallback`. Accepts a path
 * ("/customers?page=2") or an absolute URL of APP_URL's origin (what next-auth passes to its callback).
 */
export function safeCallbackPath(raw: string | null | undefined, appUrl: string, fallback = "/dashboard"): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return fallback;
  const base = new URL(appUrl);
  for (const form of decodings(raw)) {
    if (UNSAFE.test(form)) return fallback;
    if (form.startsWith("//")) return fallback;
  }
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  if (!raw.startsWith("/") && !raw.startsWith(`${base.origin}/`) && raw !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}

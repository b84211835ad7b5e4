// next-auth (v4) configuration: credentials sign-in through the service layer, a JWT that carries
// only the server-side session id, and sign-out that revokes that session in the database.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, publishNextAuthUrl } from "@/lib/env";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { signIn, signInSchema, WEB_SESSION_SECONDS } from "@/lib/services/auth/sign-in";
import { revokeSession } from "@/lib/services/auth/sign-out";
import { childLogger } from "@/lib/logger";
import { safeCallbackPath } from "./callback-url";
import { clientAddressFrom } from "./client-address";

const log = childLogger("auth");

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : null;
}

let options: NextAuthOptions | undefined;

/** Built on first use, not at import: `next build` imports routes without runtime configuration. */
export function authOptions(): NextAuthOptions {
  options ??= buildOptions();
  return options;
}

function buildOptions(): NextAuthOptions {
  const config = env();
  publishNextAuthUrl(config);
  return {
    secret: config.AUTH_SECRET,
    // APP_URL decides, not whatever URL next-auth would guess: https means __Secure- cookies with the Secure flag.
    useSecureCookies: config.APP_URL.startsWith("https://"),
    session: { strategy: "jwt", maxAge: WEB_SESSION_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, totpCode: { type: "text" } },
        async authorize(credentials, req) {
          const headers = req?.headers as Record<string, unknown> | undefined;
          try {
            const result = await signIn(
              getDb(),
              signInSchema.parse({ email: credentials?.email ?? "", password: credentials?.password ?? "", totpCode: credentials?.totpCode || undefined }),
              {
                kind: "WEB",
                ip: clientAddressFrom(headers),
                userAgent: header(headers, "user-agent"),
              },
            );
            return { id: result.user.id, email: result.user.email, name: result.user.name, sid: result.sessionId };
          } catch (e) {
            // next-auth passes the message to the client as `error`; reasons let the form react (TOTP).
            if (isAppError(e)) throw new Error(typeof e.details?.reason === "string" ? `${e.details.reason}:${e.message}` : e.message);
            if (e instanceof Error && e.name === "ZodError") throw new Error("Enter a valid email address and password");
            log.error({ err: e }, "sign-in failed unexpectedly");
            throw new Error("Sign-in is unavailable right now. Try again shortly.");
          }
        },
      }),
    ],
    callbacks: {
      async redirect({ url }) {
        return new URL(safeCallbackPath(url, config.APP_URL), config.APP_URL).toString();
      },
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      async session({ session, token }) {
        return { ...session, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") {
          await revokeSession(getDb(), { sessionId: token.sid, tenantId: null, actor: { userId: token.sub ?? null } }).catch((e) =>
            log.error({ err: e }, "could not revoke session at sign-out"),
          );
        }
      },
    },
  };
}

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

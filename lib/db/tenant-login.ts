// The login role of tenant requests (TENANT_DATABASE_URL, or the generated isp_tenant_login): made to
// exist with the configured password, a member of isp_tenant only, and refused when it could see past
// row-level security (superuser, BYPASSRLS, a member of isp_trusted or of the tables' owner).
import type postgres from "postgres";

export class TenantLoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantLoginError";
  }
}

export function tenantLoginOf(tenantUrl: string): { user: string; password: string } {
  const u = new URL(tenantUrl);
  return { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/** Runs on the migrating (trusted) connection after the migrations. */
export async function ensureTenantLogin(sql: postgres.Sql, tenantUrl: string): Promise<void> {
  const { user, password } = tenantLoginOf(tenantUrl);
  if (!user) throw new TenantLoginError("TENANT_DATABASE_URL: names no user");
  const [{ exists, me }] = await sql<{ exists: boolean; me: string }[]>`
    select exists (select 1 from pg_roles where rolname = ${user}) as exists, current_user as me`;
  if (user === me) throw new TenantLoginError(`TENANT_DATABASE_URL: logs in as ${user}, the migrating role, which sees every tenant; use a role of its own`);
  if (!exists) {
    const [{ stmt }] = await sql<{ stmt: string }[]>`
      select format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT IN ROLE isp_tenant', ${user}::text, ${password}::text) as stmt`;
    await sql.unsafe(stmt);
  } else {
    // Keep the password in step with the configuration; an operator who manages the role without
    // giving us CREATEROLE keeps theirs (the check below still applies).
    const [{ stmt }] = await sql<{ stmt: string }[]>`select format('ALTER ROLE %I WITH LOGIN PASSWORD %L', ${user}::text, ${password}::text) as stmt`;
    await sql.unsafe(stmt).catch((e: { code?: string }) => {
      if (e.code !== "42501") throw e;
    });
    const [{ member }] = await sql<{ member: boolean }[]>`select pg_has_role(${user}, 'isp_tenant', 'USAGE') as member`;
    if (!member) await sql.unsafe(`GRANT isp_tenant TO "${user.replace(/"/g, '""')}"`);
  }
  const [role] = await sql<{ superuser: boolean; bypassrls: boolean; trusted: boolean; owner: boolean }[]>`
    select r.rolsuper as superuser, r.rolbypassrls as bypassrls,
           pg_has_role(r.rolname, 'isp_trusted', 'MEMBER') as trusted,
           exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(r.rolname, c.relowner, 'MEMBER')) as owner
    from pg_roles r where r.rolname = ${user}`;
  const escapes = [
    role.superuser && "is a superuser",
    role.bypassrls && "has BYPASSRLS",
    role.trusted && "is a member of isp_trusted",
    role.owner && "owns tables (or is a member of their owner)",
  ].filter(Boolean);
  if (escapes.length) {
    throw new TenantLoginError(`TENANT_DATABASE_URL: the role ${user} ${escapes.join(", ")}, so tenant requests could see every tenant; use a role that is only a member of isp_tenant`);
  }
}

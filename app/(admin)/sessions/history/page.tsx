import type { Metadata } from "next";
import { zonedDay } from "@/lib/format";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { isAppError } from "@/lib/errors";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { findSessionHistory, HISTORY_SORTS, TERMINATE_CAUSES } from "@/lib/services/sessions/find-session-history";
import { getSessionStats } from "@/lib/services/sessions/get-session-stats";
import { PageHeader } from "@/components/ui/card";
import { SessionTabs } from "../tabs";
import { HistoryTable, type HistoryRowView } from "./history-client";
import { tableView, toPlain } from "@/components/data-table/view";

export const metadata: Metadata = { title: "Session history" };

const UUID = /^[0-9a-f-]{36}$/i;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The default range is the last 7 days including today, in the tenant's zone. */
function defaultRange(timeZone: string): { today: string; weekAgo: string } {
  const now = new Date();
  return { today: zonedDay(now, timeZone), weekAgo: zonedDay(new Date(now.getTime() - 6 * 86_400_000), timeZone) };
}

async function load(tenantId: string, input: Omit<Parameters<typeof findSessionHistory>[1], "tenantId">) {
  return withTenant(getDb(), tenantId, async (tx) => {
    const stats = await getSessionStats(tx, { tenantId });
    try {
      return { stats, page: await findSessionHistory(tx, { ...input, tenantId }), error: null };
    } catch (e) {
      if (!isAppError(e)) throw e;
      return { stats, page: null, error: e.message };
    }
  });
}

export default async function SessionHistoryPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("sessions:read");
  const tz = staff.tenantTimezone;
  const list = parseListParams(await searchParams, {
    sortable: HISTORY_SORTS,
    defaultSort: "stoppedAt",
    filters: ["from", "to", "routerId", "terminateCause", "customerId"],
  });
  // Always a bounded range (the last 7 days by default) so only a few monthly partitions are read.
  const { today, weekAgo } = defaultRange(tz);
  const to = DAY_RE.test(list.filters.to ?? "") ? list.filters.to! : today;
  const from = DAY_RE.test(list.filters.from ?? "") ? list.filters.from! : weekAgo;
  const routerId = UUID.test(list.filters.routerId ?? "") ? list.filters.routerId : undefined;
  const customerId = UUID.test(list.filters.customerId ?? "") ? list.filters.customerId : undefined;

  const { stats, page: result, error } = await load(staff.tenantId, {
    timezone: tz,
    from,
    to,
    ...pageQuery(list),
    q: list.q,
    nasId: routerId,
    customerId,
    terminateCause: list.filters.terminateCause,
  });
  const rows: HistoryRowView[] = (result?.rows ?? []).map(toPlain);

  return (
    <>
      <PageHeader title="Sessions" description="Closed sessions: when, where, how long, how much, and why they ended." />
      <SessionTabs current="history" />
      <HistoryTable
        view={tableView(result ?? { total: 0, page: 1, pageSize: list.pageSize }, list, rows)}
        from={from}
        to={to}
        today={today}
        timeZone={tz}
        error={error}
        customerId={customerId ?? null}
        canSeeCustomers={can(staff.role, "customers:read")}
        routerOptions={stats.byNas.map((n) => ({ value: n.nasId, label: n.nasName }))}
        causes={[...TERMINATE_CAUSES]}
      />
    </>
  );
}

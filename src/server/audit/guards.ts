// The audit table is append-only in the database too: triggers refuse UPDATE, DELETE and TRUNCATE
// for every role, on PostgreSQL and on PGlite alike (SQLSTATE 42501). They are installed at start,
// after the migrations (idempotent; skipped when present, so a role that does not own the table
// can start the server once an owner has installed them).
//
// What they do not stop: the table's owner or a superuser can drop or disable a trigger. For that
// the chain is keyed and its head checkpointed outside the database (queries.ts, checkpoints.ts),
// and on a PostgreSQL server the application should not own the table at all — docs/security.md has
// the grants (the application role gets SELECT and INSERT on audit_events, nothing else).
import { type SQL, sql } from 'drizzle-orm';

/** What this needs of a database handle (db/client.ts calls it while opening one: no import back). */
interface Executor {
  execute(query: SQL): Promise<unknown>;
  transaction<T>(fn: (tx: { execute(query: SQL): Promise<unknown> }) => Promise<T>): Promise<T>;
}

export const AUDIT_TRIGGERS = ['audit_events_append_only', 'audit_events_no_truncate'] as const;

export async function installAuditGuards(db: Executor): Promise<void> {
  const rows = (await db.execute(
    sql`select count(*)::int as n from pg_trigger where tgrelid = 'audit_events'::regclass and tgname in ('audit_events_append_only', 'audit_events_no_truncate')`,
  )) as unknown as { rows: { n: number }[] };
  if (rows.rows[0]?.n === AUDIT_TRIGGERS.length) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create or replace function pantau_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
      end
      $$`);
    await tx.execute(sql`drop trigger if exists audit_events_append_only on audit_events`);
    await tx.execute(
      sql`create trigger audit_events_append_only before update or delete on audit_events for each row execute function pantau_audit_append_only()`,
    );
    await tx.execute(sql`drop trigger if exists audit_events_no_truncate on audit_events`);
    await tx.execute(
      sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function pantau_audit_append_only()`,
    );
  });
}

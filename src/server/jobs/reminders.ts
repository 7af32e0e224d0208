import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localDate, timeZoneOfRegion } from '../../domain/regions';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { bilingualText, sendMail } from '../mail';
import { toCloseWhere } from '../features/stays/queries';

// Once a day a lodging with stays past their planned departure and no check-out is reminded:
// a reminder row (one per lodging and local day, so running the job hourly reminds once) that
// the reporter sees on its home screen. E-mail goes through `onReminder`, the hook the mailer
// plugs into; a reminder it handled is marked emailed.

export interface OpenStaysReminder {
  id: string; orgId: string; orgName: string; day: string; count: number; stayIds: string[];
  /** addresses of the lodging's active reporter accounts, for the mailer */
  emails: string[];
}
export type ReminderHook = (reminder: OpenStaysReminder) => Promise<void>;

export async function remindOpenStays(db: Kysely<Database>, now = new Date(), onReminder?: ReminderHook): Promise<OpenStaysReminder[]> {
  const open = await db.selectFrom('stays').innerJoin('reporter_orgs as org', 'org.id', 'stays.lodging_id')
    .select(['stays.id', 'stays.lodging_id', 'org.name', 'org.village_code'])
    .where((eb) => toCloseWhere(eb, now)).orderBy('stays.lodging_id').orderBy('stays.planned_departure').execute();
  const byOrg = new Map<string, typeof open>();
  for (const row of open) byOrg.set(row.lodging_id, [...(byOrg.get(row.lodging_id) ?? []), row]);
  const made: OpenStaysReminder[] = [];
  const failures: { orgId: string; error: string }[] = [];
  for (const [orgId, rows] of byOrg) {
    const day = localDate(now, timeZoneOfRegion(rows[0]!.village_code));
    const id = randomUUID();
    const stayIds = rows.map((r) => r.id);
    const inserted = await db.insertInto('reminders').values({
      id, org_id: orgId, kind: 'open_stays', day, stay_ids: JSON.stringify(stayIds), count: stayIds.length,
      created_at: now.toISOString(), seen_at: null, emailed_at: null,
    }).onConflict((oc) => oc.columns(['org_id', 'kind', 'day']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue; // already reminded today
    const emails = (await db.selectFrom('users').select('email').where('reporter_org_id', '=', orgId).where('active', '=', 1)
      .where('email', 'is not', null).execute()).map((u) => u.email!);
    const reminder = { id, orgId, orgName: rows[0]!.name, day, count: stayIds.length, stayIds, emails };
    made.push(reminder);
    if (onReminder) {
      // a failing mail server leaves this reminder un-mailed (emailed_at null), not the others
      try {
        await onReminder(reminder);
        await db.updateTable('reminders').set({ emailed_at: new Date().toISOString() }).where('id', '=', id).execute();
      } catch (err) {
        failures.push({ orgId, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  if (failures.length) throw new Error(`reminder mail failed for ${failures.length} lodging(s): ${failures[0]!.error}`);
  return made;
}

/** The e-mail of a reminder to each of the lodging's reporter addresses (the hook app.ts passes). */
export function mailOpenStays(config: Config): ReminderHook {
  return async (r) => {
    const link = `${config.publicUrl}/stays?tab=toClose`;
    for (const to of r.emails) {
      await sendMail({ config }, {
        to,
        subject: `Sinergi: ${r.count} tamu perlu ditutup / ${r.count} guests to close`,
        text: bilingualText(
          `${r.orgName}: ${r.count} tamu asing sudah melewati rencana keberangkatannya tetapi check-out belum dilaporkan.\n`
          + `Laporkan check-out-nya, atau perpanjang bila tamu masih menginap: ${link}`,
          `${r.orgName}: ${r.count} foreign guests are past their planned departure but no check-out was reported.\n`
          + `Report their check-out, or extend the stay if they are still here: ${link}`,
        ),
      });
    }
  };
}

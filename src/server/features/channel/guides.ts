import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

// The pinned usage guides every team channel starts with (Indonesian first, then English). They are
// written by the system, kept through retention, and inserted once per team with fixed ids, so a
// team formed later gets them on its first visit and two instances never insert them twice.

export const GUIDES: readonly { lang: 'id' | 'en'; text: string }[] = [
  {
    lang: 'id',
    text: `**Panduan singkat kanal tim**

**Pelaporan**
1. Penginapan, perusahaan dan warga melaporkan WNA di Sinergi (check-in/check-out); Anda tidak perlu meminta laporan lewat pesan.
2. Petugas desa/kelurahan melaporkan temuan lapangan dari ponsel, juga saat tanpa sinyal.
3. Yang perlu ditindaklanjuti ditautkan di sini: tulis sinergi:person/<id> atau sinergi:case/<id>. Hanya anggota yang berwenang melihat isinya; yang lain melihat "(tidak dapat dilihat)".

**Pengawasan**
1. Sebut anggota dengan @namapengguna agar ia mendapat notifikasi.
2. Balas dalam utas (thread) agar satu persoalan tetap di satu tempat; tandai utas "selesai" bila sudah ditangani.
3. Pengumuman hanya dari ketua, sekretaris atau Kantor Imigrasi dan tampil di atas.
4. Jangan menulis data pribadi (nama, nomor paspor) di pesan; gunakan tautan. Setiap pesan adalah bagian dari catatan resmi dan tercatat di log audit.`,
  },
  {
    lang: 'en',
    text: `**Team channel: a short guide**

**Reporting**
1. Lodgings, companies and residents report foreign nationals in Sinergi (check-in/check-out); there is no need to ask for reports by message.
2. Village officers report sightings from their phones, even without signal.
3. Link what needs follow-up here: write sinergi:person/<id> or sinergi:case/<id>. Only members allowed to see it see its content; others see "(not visible)".

**Supervising**
1. Mention a member with @username so they are notified.
2. Reply in a thread so one matter stays in one place; mark the thread resolved when it is handled.
3. Announcements come only from the chair, the secretary or the immigration office and stay on top.
4. Do not write personal data (names, passport numbers) in messages; use links. Every message is part of the official record and is in the audit log.`,
  },
];

export const guideId = (teamId: string, lang: string) => `guide-${lang}-${teamId}`;

/** Inserts the team's pinned guides unless present (cheap: one indexed lookup when they are). */
export async function ensureGuides(db: Kysely<Database>, team: { id: string; created_at: string }): Promise<void> {
  const have = await db.selectFrom('channel_messages').select('id').where('id', '=', guideId(team.id, 'id')).executeTakeFirst();
  if (have) return;
  for (const [i, g] of GUIDES.entries()) {
    // dated at the team's forming (plus order), so they sort first and never count as unread
    const at = new Date(Date.parse(team.created_at) + i).toISOString();
    await db.insertInto('channel_messages').values({
      id: guideId(team.id, g.lang), team_id: team.id, author_id: null, kind: 'guide', parent_id: null, text: g.text, created_at: at,
      edited_at: null, deleted_at: null, deleted_by: null, resolved_at: null, resolved_by: null, last_reply_at: null,
    }).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/auth/actor';
import { actorForToken } from '../../src/server/auth/sessions';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed';
import type { DeclaredRoute, RecordRule } from '../../src/server/http/access';
import { can } from '../../src/server/policies';
import { scopeFor } from '../../src/server/policies/scope';
import { loadTeamAccess } from '../../src/server/features/teams/queries';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The authorization matrix, generated from the route table: every API route × every demo
// account (and an anonymous caller), expected answers read from the policy itself.
// - anonymous: 401 unless the route is public;
// - the route's gate rule denies: 403 before anything else;
// - the gate allows: never 401/403; and for routes whose handler checks a rule on a record,
//   a record outside the caller's scope answers 404, inside it 403 exactly when the record
//   rule denies.
// A route whose record rule has no fixture below fails the suite: add one with the route.

type Json = Record<string, unknown>;
interface RecordFixture {
  /** a record of the given region for the request (fresh each call when the route changes it) */
  make(server: TestServer, region: 'soppeng' | 'makassar'): Promise<{ id: string; record: Json; scoped: { regionCode: string; orgId?: string } }>;
  /** a body that passes the schema but fails after authorization, so nothing is changed */
  body?: Json;
  /** records that live in no area (accounts): only the record rule decides */
  unscoped?: true;
}

/** A fresh account awaiting approval, created by someone other than any caller. */
const pendingAccount: RecordFixture['make'] = async (server) => {
  const row = {
    id: randomUUID(), username: `pending.${randomUUID().slice(0, 8)}`, display_name: 'Akun Menunggu', email: null, password_hash: 'x',
    role: 'timpora_member', agency_id: null, area_code: '73.12', reporter_org_id: null, totp_secret: null, locale: 'id', active: 0,
    failed_logins: 0, locked_until: null, created_at: new Date().toISOString(), approval: 'pending', created_by: null,
  };
  await server.db.insertInto('users').values(row as never).execute();
  return { id: row.id, record: { createdBy: null, approval: 'pending' }, scoped: { regionCode: '73.12' } };
};

/** A fresh pending self-registration in the region, its e-mail verified (so approving it succeeds when allowed). */
const pendingRegistration: RecordFixture['make'] = async (server, region) => {
  const village = region === 'soppeng' ? '73.12.04.1001' : '73.71.04.1008';
  const orgId = randomUUID();
  const userId = randomUUID();
  const at = new Date().toISOString();
  await server.db.insertInto('reporter_orgs').values({
    id: orgId, kind: 'lodging', lodging_type: 'homestay', name: 'Homestay Matriks', address: 'Jl. Matriks', village_code: village, phone: null,
    verified_at: null, verified_by: null, created_at: at, nib: '9120001234567', lat: -4.35, lng: 119.88, person_in_charge: 'Penguji',
    contact_email: 'matriks@example.id', registration_status: 'pending', registrant_user_id: userId,
  }).execute();
  await server.db.insertInto('users').values({
    id: userId, username: `matriks.${userId.slice(0, 8)}`, display_name: 'Penguji', email: 'matriks@example.id', password_hash: 'x', role: 'reporter',
    agency_id: null, area_code: null, reporter_org_id: orgId, totp_secret: null, locale: 'id', active: 1, failed_logins: 0, locked_until: null,
    created_at: at, approval: 'approved', email_verified_at: at,
  }).execute();
  return { id: orgId, record: { village_code: village }, scoped: { regionCode: village } };
};

const loadStay = async (server: TestServer, regionPrefix: string) => {
  const row = await server.db.selectFrom('stays').selectAll().where('region_code', 'like', `${regionPrefix}.%`)
    .where('departure_date', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return { id: row.id, record: row as unknown as Json, scoped: { regionCode: row.region_code, orgId: row.lodging_id } };
};
const REGION = { soppeng: '73.12', makassar: '73.71' } as const;

/** A throwaway copy of a present stay of the region (for routes that change or cancel it), checked out when asked. */
const freshStay = (checkedOut: boolean): RecordFixture['make'] => async (server, region) => {
  const row = await server.db.selectFrom('stays').selectAll().where('region_code', 'like', `${REGION[region]}.%`)
    .where('departure_date', 'is', null).where('cancelled_at', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const number = `MATRIX/${randomUUID()}`;
  const copy = { ...row, id: randomUUID(), receipt_number: number, receipt_group: number, departure_date: checkedOut ? row.arrival_date : null };
  await server.db.insertInto('stays').values(copy).execute();
  return { id: copy.id, record: copy as unknown as Json, scoped: { regionCode: row.region_code, orgId: row.lodging_id } };
};

/** A receipt (its head stay) of the region, named by its number with the slashes percent-encoded. */
const loadReceipt: RecordFixture['make'] = async (server, region) => {
  const stay = await loadStay(server, REGION[region]);
  const group = String(stay.record.receipt_group ?? stay.record.receipt_number);
  const head = await server.db.selectFrom('stays').selectAll().where('receipt_number', '=', group).executeTakeFirstOrThrow();
  return { id: encodeURIComponent(group), record: head as unknown as Json, scoped: stay.scoped };
};

/** A rule alert on a present stay of the region, in the given workflow state. */
const makeAlert = (status: 'new' | 'resolved'): RecordFixture['make'] => async (server, region) => {
  const stay = await loadStay(server, REGION[region]);
  const at = new Date().toISOString();
  const row = {
    id: randomUUID(), key: `matrix:${randomUUID()}`, source: 'rule' as const, rule: 'overstay', severity: 'high' as const, status,
    person_id: stay.record.person_id as string, stay_id: stay.id, region_code: stay.scoped.regionCode,
    explanation: JSON.stringify({ key: 'rule.overstay', params: {} }), watchlist_entry_id: null, score: null, assigned_agency_id: null,
    assigned_user_id: null, resolution: status === 'resolved' ? 'no_action' as const : null, reason: null, created_at: at, updated_at: at,
    resolved_at: status === 'resolved' ? at : null, resolved_by: null,
  };
  await server.db.insertInto('alerts').values(row).execute();
  return { id: row.id, record: row, scoped: { regionCode: row.region_code } };
};

/** A person all of whose stays lie in the region (so its scope is that region alone). */
const loadPerson = async (server: TestServer, regionPrefix: string) => {
  const row = await server.db.selectFrom('stays').select(['person_id', 'region_code', 'lodging_id']).where('region_code', 'like', `${regionPrefix}.%`)
    .where('person_id', 'not in', server.db.selectFrom('stays').select('person_id').where('region_code', 'not like', `${regionPrefix}.%`))
    .orderBy('person_id').limit(1).executeTakeFirstOrThrow();
  const regions = await server.db.selectFrom('stays').select('region_code').where('person_id', '=', row.person_id).execute();
  return { id: row.person_id, record: { region_codes: regions.map((r) => r.region_code) }, scoped: { regionCode: row.region_code, orgId: row.lodging_id } };
};

/** A guest's pre-registration draft at the region's demo hotel. */
const makeDraft: RecordFixture['make'] = async (server, region) => {
  const lodging = await server.db.selectFrom('reporter_orgs').select(['id', 'village_code'])
    .where('name', '=', region === 'soppeng' ? 'Hotel Maryam' : 'Hotel Losari Permai').executeTakeFirstOrThrow();
  const now = new Date();
  const row = {
    id: randomUUID(), lodging_id: lodging.id, language: 'en', created_at: now.toISOString(), expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    data: JSON.stringify({ guest: { surname: 'MATRIX', givenNames: 'PROBE', sex: 'F', dateOfBirth: '1990-01-01', nationality: 'NLD', document: { number: 'MX1', issuingState: 'NLD', expiryDate: '2035-01-01' } }, arrivalDate: now.toISOString().slice(0, 10) }),
  };
  await server.db.insertInto('preregistrations').values(row).execute();
  return { id: row.id, record: { lodging_id: lodging.id }, scoped: { regionCode: lodging.village_code, orgId: lodging.id } };
};

/** A sighting in the region, reported by the region's immigration officer (never by a matrix caller's own field officer). */
const makeSighting = (status: 'new' | 'dismissed' = 'new'): RecordFixture['make'] => async (server, region) => {
  const reporter = await server.db.selectFrom('users').select('id').where('username', '=', region === 'soppeng' ? 'imigrasi.parepare' : 'polres.makassar').executeTakeFirstOrThrow();
  const village = region === 'soppeng' ? '73.12.04.1001' : '73.71.04.1008';
  const at = new Date().toISOString();
  const row = {
    id: randomUUID(), reported_by: reporter.id, reporter_agency_id: null, idempotency_key: randomUUID(), request_hash: 'x', observed_at: at,
    village_code: village, rw: null, rt: null, lat: -4.35, lon: 119.88, subject_name: null, subject_nationality: null, subject_description: null,
    category: 'other', note: null, status, person_id: null, case_id: null, outcome_reason: null, triaged_by: null, triaged_at: null,
    photo_type: 'image/jpeg', photo_size: 4, created_at: at, updated_at: at,
  };
  await server.db.insertInto('sightings').values(row).execute();
  fs.mkdirSync(path.join(server.dataDir, 'sightings'), { recursive: true }); // with its photo, so the download route answers
  fs.writeFileSync(path.join(server.dataDir, 'sightings', `${row.id}.img`), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  return { id: row.id, record: row, scoped: { regionCode: village } };
};

/** The region's Timpora team, as its rules see it. */
const teamOf = async (server: TestServer, region: 'soppeng' | 'makassar') => {
  const team = await server.db.selectFrom('teams').select('id').where('region_code', '=', REGION[region]).executeTakeFirstOrThrow();
  return (await loadTeamAccess(server.db, team.id))!;
};
const makeTeam: RecordFixture['make'] = async (server, region) => {
  const access = await teamOf(server, region);
  return { id: access.teamId, record: access as unknown as Json, scoped: { regionCode: access.regionCode } };
};
/** A fresh meeting of the region's team. */
const makeMeeting: RecordFixture['make'] = async (server, region) => {
  const access = await teamOf(server, region);
  const at = new Date().toISOString();
  const id = randomUUID();
  await server.db.insertInto('meetings').values({ id, team_id: access.teamId, agenda: 'Matriks', starts_at: at, place: 'Ruang rapat', status: 'planned', minutes: null, created_by: 'matrix', created_at: at, updated_at: at }).execute();
  return { id, record: access as unknown as Json, scoped: { regionCode: access.regionCode } };
};
/** A fresh open task of the region's team, owned by the region's police. */
const makeTask: RecordFixture['make'] = async (server, region) => {
  const access = await teamOf(server, region);
  const owner = (await server.db.selectFrom('agencies').select('id').where('kind', '=', 'polres').where('region_code', '=', REGION[region]).executeTakeFirstOrThrow()).id;
  const at = new Date().toISOString();
  const id = randomUUID();
  await server.db.insertInto('team_tasks').values({
    id, team_id: access.teamId, meeting_id: null, agreement_id: null, title: 'Matriks', owner_agency_id: owner, owner_user_id: null, due_on: at.slice(0, 10),
    status: 'open', done_note: null, done_at: null, done_by: null, created_by: 'matrix', created_at: at,
  }).execute();
  return { id, record: { ...access, ownerAgencyId: owner, ownerUserId: null, status: 'open' } as unknown as Json, scoped: { regionCode: access.regionCode } };
};
/** A fresh membership (a new field officer) of the region's team. */
const makeMembership: RecordFixture['make'] = async (server, region) => {
  const access = await teamOf(server, region);
  const agency = (await server.db.selectFrom('team_members').select('agency_id').where('team_id', '=', access.teamId).executeTakeFirstOrThrow()).agency_id;
  const userId = randomUUID();
  await server.db.insertInto('users').values({
    id: userId, username: `anggota.${userId.slice(0, 8)}`, display_name: 'Anggota Matriks', email: null, password_hash: 'x', role: 'timpora_member',
    agency_id: agency, area_code: REGION[region], reporter_org_id: null, totp_secret: null, locale: 'id', active: 1, failed_logins: 0, locked_until: null,
    created_at: new Date().toISOString(), approval: 'approved',
  }).execute();
  const id = randomUUID();
  await server.db.insertInto('team_memberships').values({ id, team_id: access.teamId, user_id: userId, agency_id: agency, position: 'anggota', joined_on: '2025-01-01', left_on: null }).execute();
  return { id, record: access as unknown as Json, scoped: { regionCode: access.regionCode } };
};
/** A case of the region (opened by immigration, unassigned) in the given state. */
const makeCase = (status: 'open' | 'action_taken'): RecordFixture['make'] => async (server, region) => {
  const stay = await loadStay(server, REGION[region]);
  const at = new Date().toISOString();
  const row = {
    id: randomUUID(), number: `MATRIX/${randomUUID()}`, title: 'Matriks', summary: null, status, source_kind: 'stay' as const, source_id: stay.id,
    region_code: stay.scoped.regionCode, opened_by: 'matrix', opened_by_agency_id: null, assigned_agency_id: null, assigned_user_id: null,
    action_kind: status === 'action_taken' ? 'no_action' as const : null, action_measure: null, action_note: null, action_at: null, action_by: null,
    closed_at: null, closed_by: null, created_at: at, updated_at: at,
  };
  await server.db.insertInto('cases').values(row).execute();
  return { id: row.id, record: row, scoped: { regionCode: row.region_code } };
};

/** An attachment (its id is the path's) of a fresh open case of the region. */
const makeAttachment: RecordFixture['make'] = async (server, region) => {
  const made = await makeCase('open')(server, region);
  const id = randomUUID();
  await server.db.insertInto('case_attachments').values({
    id, case_id: made.id, event_id: 'matrix', filename: 'm.pdf', content_type: 'application/pdf', size: 5, sha256: 'x', data: Buffer.from('%PDF-'),
    created_at: new Date().toISOString(), created_by: 'matrix',
  }).execute();
  return { ...made, id };
};

/** A joint operation of the region planned by its police, the police taking part. */
const makeOperation: RecordFixture['make'] = async (server, region) => {
  const agency = await server.db.selectFrom('agencies').select('id').where('name', '=', region === 'soppeng' ? 'Polres Soppeng' : 'Polrestabes Makassar').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const row = {
    id: randomUUID(), number: `MATRIX/${randomUUID()}`, title: 'Matriks', planned_on: at.slice(0, 10), region_code: REGION[region], notes: null, status: 'planned' as const,
    created_by: 'matrix', created_by_agency_id: agency.id, created_at: at, updated_at: at,
  };
  await server.db.insertInto('operations').values(row).execute();
  await server.db.insertInto('operation_participants').values({ operation_id: row.id, agency_id: agency.id, user_id: '' }).execute();
  return { id: row.id, record: { ...row, agency_ids: [agency.id] }, scoped: { regionCode: row.region_code } };
};

/** An uploaded guest file of a lodging of the region, not yet run. */
const makeImport: RecordFixture['make'] = async (server, region) => {
  const lodging = await server.db.selectFrom('reporter_orgs').select(['id', 'village_code']).where('kind', '=', 'lodging')
    .where('village_code', 'like', `${REGION[region]}.%`).orderBy('name').limit(1).executeTakeFirstOrThrow();
  const row = {
    id: randomUUID(), lodging_id: lodging.id, region_code: lodging.village_code, created_by: 'matrix', created_at: new Date().toISOString(),
    file_name: 'matrix.csv', file_hash: 'x', format: 'csv' as const, headers: JSON.stringify(['Nama Belakang']),
    row_count: 1, mapping: null, status: 'uploaded' as const, processed: 0, stored: 0, skipped: 0, failed: 0, errors: null, finished_at: null,
  };
  await server.db.insertInto('imports').values(row).execute();
  await server.db.insertInto('import_files').values({ import_id: row.id, table_json: JSON.stringify({ headers: ['Nama Belakang'], rows: [['A']], rowNumbers: [2] }) }).execute();
  return { id: row.id, record: row, scoped: { regionCode: row.region_code, orgId: row.lodging_id } };
};

/** The region's Timpora team, as the channel rules see it. */
const channelTeam = async (server: TestServer, region: 'soppeng' | 'makassar') => {
  const team = await server.db.selectFrom('teams').select(['id', 'region_code', 'office_agency_id']).where('region_code', '=', REGION[region]).executeTakeFirstOrThrow();
  const chairs = await server.db.selectFrom('team_memberships').select('user_id').where('team_id', '=', team.id).where('position', 'in', ['ketua', 'sekretaris']).execute();
  return { id: team.id, record: { team_id: team.id, office_agency_id: team.office_agency_id, chair_ids: chairs.map((c) => c.user_id) }, scoped: { regionCode: team.region_code } };
};
/** A fresh message (by nobody among the callers) in the region's team channel, with an attachment. */
const channelMessage = (what: 'message' | 'attachment'): RecordFixture['make'] => async (server, region) => {
  const team = await channelTeam(server, region);
  const at = new Date().toISOString();
  const id = randomUUID();
  await server.db.insertInto('channel_messages').values({
    id, team_id: team.id, author_id: null, kind: 'message', parent_id: null, text: 'matrix probe', created_at: at,
    edited_at: null, deleted_at: null, deleted_by: null, resolved_at: null, resolved_by: null, last_reply_at: null,
  }).execute();
  const record = { ...team.record, author_id: null };
  if (what === 'message') return { id, record, scoped: team.scoped };
  const fileId = randomUUID();
  const dir = path.join(server.dataDir, 'channel', team.id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, fileId), '%PDF-1.4\n');
  await server.db.insertInto('channel_attachments').values({ id: fileId, team_id: team.id, message_id: id, filename: 'x.pdf', mime: 'application/pdf', size: 9, sha256: 'x', uploaded_by: 'matrix', created_at: at }).execute();
  return { id: fileId, record, scoped: team.scoped };
};

/** A fresh merge (nothing moved) of a throwaway person into a person of the region, not yet split. */
const makeMerge: RecordFixture['make'] = async (server, region) => {
  const kept = await loadPerson(server, REGION[region]);
  const at = new Date().toISOString();
  const absorbed = { id: randomUUID(), surname: 'MATRIX', given_names: 'MERGED', sex: 'F' as const, date_of_birth: '1990-01-01', nationality: 'NLD', created_at: at, updated_at: at, merged_into: kept.id };
  await server.db.insertInto('persons').values(absorbed).execute();
  const moved = { stays: [], person_documents: [], identity_conflicts: [], alerts: [], sightings: [], operation_checks: [], operation_findings: [], case_persons: [], case_persons_dropped: [] };
  const row = {
    id: randomUUID(), kept_person_id: kept.id, absorbed_person_id: absorbed.id, region_code: kept.scoped.regionCode, reason: 'matrix probe',
    moved: JSON.stringify(moved), merged_by: 'matrix', merged_at: at, split_by: null, split_at: null, split_reason: null,
  };
  await server.db.insertInto('person_merges').values(row).execute();
  return { id: row.id, record: row, scoped: { regionCode: row.region_code } };
};
/** A watchlist of the region (lists are known everywhere: only the record rule decides, so unscoped). */
async function makeWatchlist(server: TestServer, region: 'soppeng' | 'makassar') {
  const row = { id: randomUUID(), name: `matrix ${randomUUID()}`, source: 'matrix', kind: 'local' as const, threshold: null, created_at: new Date().toISOString(), region_code: REGION[region] };
  await server.db.insertInto('watchlists').values(row).execute();
  return { id: row.id, record: row, scoped: { regionCode: REGION[region] } };
}
async function makeWatchlistEntry(server: TestServer, region: 'soppeng' | 'makassar') {
  const list = await makeWatchlist(server, region);
  const row = {
    id: randomUUID(), watchlist_id: list.id, external_id: `manual-${randomUUID().slice(0, 8)}`, names: '["Matrix Probe"]', birth_dates: '[]', nationalities: '[]',
    document_numbers: '[]', reason: null, valid_until: null, version: 1, updated_at: new Date().toISOString(), removed_at: null,
  };
  await server.db.insertInto('watchlist_entries').values(row).execute();
  return { id: row.id, record: { ...row, region_code: REGION[region] }, scoped: list.scoped };
}
async function makeWatchlistImport(server: TestServer, region: 'soppeng' | 'makassar') {
  const list = await makeWatchlist(server, region);
  const row = {
    id: randomUUID(), watchlist_id: list.id, file_name: 'm.jsonl', status: 'done' as const, done: 0, total: 0, summary: null, errors: null,
    created_by: 'matrix', created_at: new Date().toISOString(), finished_at: null,
  };
  await server.db.insertInto('watchlist_imports').values(row).execute();
  return { id: row.id, record: { ...row, region_code: REGION[region] }, scoped: list.scoped };
}

const FIXTURES: Record<string, RecordFixture> = {
  'import.read': { make: makeImport },
  'import.run': { make: makeImport, body: { mapping: {} } },
  'channel.read': { make: channelTeam, body: { messageId: 'no-such-message' } },
  'channel.post': { make: channelTeam, body: { text: 'matrix probe' } },
  'channel.upload': { make: channelTeam, body: { filename: 'x.pdf', contentBase64: 'JVBERi0xLjQK' } },
  'channel.readLog': { make: channelTeam },
  'channel.readMessage': { make: channelMessage('message') },
  'channel.edit': { make: channelMessage('message'), body: { text: 'matrix probe' } },
  'channel.delete': { make: channelMessage('message') },
  'channel.resolve': { make: channelMessage('message'), body: { resolved: true } },
  'channel.download': { make: channelMessage('attachment') },
  'stay.read': { make: (s, r) => loadStay(s, REGION[r]) },
  'stay.checkout': { make: (s, r) => loadStay(s, REGION[r]), body: { departureDate: '2000-01-01' } },
  'stay.change': { make: (s, r) => loadStay(s, REGION[r]), body: { plannedDeparture: '2000-01-01' } },
  'stay.move': { make: freshStay(false), body: { room: 'M1' } },
  'stay.correct': { make: (s, r) => loadStay(s, REGION[r]), body: { reason: 'matrix probe', fields: { arrivalDate: '1800-01-01' } } },
  'stay.cancel': { make: freshStay(false), body: { reason: 'matrix probe' } },
  'stay.reopen': { make: freshStay(true), body: { reason: 'matrix probe' } },
  'receipt.read': { make: loadReceipt },
  'identity_conflict.resolve': {
    async make(server, region) {
      const stay = await loadStay(server, REGION[region]);
      const row = {
        id: randomUUID(), person_id: stay.record.person_id as string, stay_id: stay.id, region_code: stay.scoped.regionCode,
        fields: JSON.stringify({ surname: { person: 'A', reported: 'B' } }), status: 'open' as const, resolution: null, reason: null,
        resolved_by: null, resolved_at: null, created_at: new Date().toISOString(),
      };
      await server.db.insertInto('identity_conflicts').values(row).execute();
      return { id: row.id, record: row, scoped: { regionCode: row.region_code } };
    },
    body: { decision: 'keep_person', reason: 'matrix probe' },
  },
  'person.read': { make: (s, r) => loadPerson(s, REGION[r]) },
  'person_link.merge': { make: (s, r) => loadPerson(s, REGION[r]), body: { otherPersonId: 'no-such-person', reason: 'matrix probe' } },
  'person_link.dismiss': { make: (s, r) => loadPerson(s, REGION[r]), body: { otherPersonId: 'no-such-person', reason: 'matrix probe' } },
  'person_link.split': { make: makeMerge, body: { reason: 'matrix probe' } },
  // the map's places: a lodging of the region (the path's :kind is filled with 'lodging')
  'map.readPlace': {
    async make(server, region) {
      const org = await server.db.selectFrom('reporter_orgs').select(['id', 'village_code']).where('kind', '=', 'lodging')
        .where('village_code', 'like', `${REGION[region]}.%`).where('verified_at', 'is not', null).orderBy('name').executeTakeFirstOrThrow();
      return { id: org.id, record: { regionCode: org.village_code }, scoped: { regionCode: org.village_code } };
    },
  },
  'notification.manageWebhook': {
    async make(server, region) {
      const team = await server.db.selectFrom('teams').select(['id', 'region_code']).where('region_code', 'like', `${REGION[region]}%`).executeTakeFirstOrThrow();
      const row = { id: randomUUID(), team_id: team.id, url: 'https://gateway.example/x', secret: 's', min_severity: 'high' as const, active: 1, created_by: 'matrix', created_at: new Date().toISOString() };
      await server.db.insertInto('webhooks').values(row).execute();
      return { id: row.id, record: { region_code: team.region_code }, scoped: { regionCode: team.region_code } };
    },
  },
  'alert.read': { make: makeAlert('new') },
  'alert.acknowledge': { make: makeAlert('new'), body: {} },
  'alert.assign': { make: makeAlert('new'), body: { agencyId: 'no-such-agency' } },
  'alert.resolve': { make: makeAlert('new'), body: { outcome: 'no_action', reason: 'matrix probe' } },
  'alert.reopen': { make: makeAlert('resolved'), body: { reason: 'matrix probe' } },
  'alert.comment': { make: makeAlert('new'), body: { text: 'matrix probe' } },
  'preregistration.read': { make: makeDraft },
  'preregistration.confirm': { make: makeDraft, body: { arrivalDate: '2000-01-01' } },
  'preregistration.discard': { make: makeDraft },
  'user.approve': { make: pendingAccount, unscoped: true },
  'user.reject': { make: pendingAccount, unscoped: true, body: { reason: 'matrix probe' } },
  'registration.approve': { make: pendingRegistration },
  'registration.reject': { make: pendingRegistration, body: { reason: 'matrix probe' } },
  'sighting.read': { make: makeSighting() },
  'sighting.link': { make: makeSighting(), body: { personId: 'no-such-person' } },
  'sighting.dismiss': { make: makeSighting(), body: { reason: '   ' } },
  'sighting.attachPhoto': { make: makeSighting() },
  // a team's decree is public (403 outside, never 404); its meetings, tasks and report are not
  'team.read': { make: makeTeam, unscoped: true },
  'team.manage': { make: makeTeam, unscoped: true },
  'team.editMember': { make: makeMembership, unscoped: true },
  'team.report': { make: makeTeam },
  'meeting.listOfTeam': { make: makeTeam },
  'meeting.create': { make: makeTeam },
  'meeting.read': { make: makeMeeting },
  'meeting.edit': { make: makeMeeting },
  'task.complete': { make: makeTask },
  'case.read': { make: makeCase('open') },
  'case.assign': { make: makeCase('open'), body: { agencyId: 'no-such-agency' } },
  'case.start': { make: makeCase('open'), body: {} },
  'case.act': { make: makeCase('open'), body: { action: 'administrative', note: 'matrix probe' } },
  'case.close': { make: makeCase('action_taken'), body: {} },
  'case.comment': { make: makeCase('open'), body: { text: 'matrix probe' } },
  'case.linkPerson': { make: makeCase('open'), body: { personId: 'no-such-person' } },
  'case.attach': { make: makeCase('open'), body: { filename: 'm.txt', contentBase64: 'aGFsbG8=' } },
  'case.download': { make: makeAttachment },
  'operation.read': { make: makeOperation },
  'operation.recordResults': { make: makeOperation, body: { findings: [{ description: 'matrix probe', villageCode: '99.99' }] } },
  'watchlist.read': { make: makeWatchlist, unscoped: true },
  'watchlist.readEntries': { make: makeWatchlist, unscoped: true },
  'watchlist.addEntry': { make: makeWatchlist, unscoped: true, body: { names: ['Matrix Probe'], nationalities: ['ZZZ'] } },
  'watchlist.manage': { make: makeWatchlist, unscoped: true, body: { file: 'not a file' } },
  'watchlist.readEntry': { make: makeWatchlistEntry, unscoped: true },
  'watchlist.removeEntry': { make: makeWatchlistEntry, unscoped: true, body: { reason: 'matrix probe' } },
  'watchlist.readImport': { make: makeWatchlistImport, unscoped: true },
};

/** Record rules whose record is not a route parameter (checked by their own tests). */
const RECORD_NOT_FROM_PATH = new Set(['stay.create', 'stats.view', 'event.receive', 'import.create']);

/** Fastify writes a literal colon in a path as `::` (POST /api/v1/stays:batch): it is no parameter. */
const literalColons = (url: string) => url.replace(/\0/g, ':');

const exampleBody = (server: TestServer, route: DeclaredRoute): Json | undefined => {
  const schema = server.app.swagger() as { paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { examples?: Json[] }; examples?: Record<string, { value: Json }> }> } }>> };
  const path = literalColons(route.url.replace(/::/g, '\0').replace(/:(\w+)/g, '{$1}'));
  const content = schema.paths?.[path]?.[route.method.toLowerCase()]?.requestBody?.content?.['application/json'] as
    { schema?: { examples?: Json[] }; example?: Json; examples?: Record<string, { value: Json }> } | undefined;
  if (!content) return undefined;
  // one example is rendered as `example`, several as `examples`
  return content.schema?.examples?.[0] ?? content.example ?? Object.values(content.examples ?? {})[0]?.value ?? {};
};

for (const kind of dialectMatrix()) {
  describe(`authorization matrix on ${kind}`, () => {
    let server: TestServer;
    const callers: { username: string; cookie: string; actor: Actor }[] = [];
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const account of DEMO_ACCOUNTS) {
        const cookie = await server.login(account.username);
        const actor = await actorForToken(server.db, cookie.split('=')[1]!);
        callers.push({ username: account.username, cookie, actor: actor! });
      }
    }, 120_000);
    afterAll(async () => server?.close());

    const send = (route: DeclaredRoute, url: string, cookie: string | undefined, body?: Json) =>
      server.app.inject({ method: route.method as 'GET', url, headers: cookie ? { cookie } : {}, ...(body !== undefined && route.method !== 'GET' ? { payload: body } : {}) });
    const fill = (url: string, id: string) => literalColons(url.replace(/::/g, '\0').replace(/:code\b/, '73.12').replace(/:kind\b/, 'lodging').replace(/:(\w+)/g, id));
    // Streams never end and sign-out ends the caller's session: both are proven by their own tests.
    const skipAsSignedIn = (route: DeclaredRoute) => route.url === '/api/v1/events' || route.url === '/api/v1/auth/logout';

    it('covers every API route, each with a declared policy', () => {
      expect(server.app.accessTable.length).toBeGreaterThan(15);
      for (const route of server.app.accessTable) {
        if (typeof route.access === 'object' && route.access.record && route.url.includes(':')) {
          const key = `${route.access.record.kind}.${route.access.record.action}`;
          if (!RECORD_NOT_FROM_PATH.has(key)) expect(FIXTURES[key], `fixture for record rule ${key} (${route.method} ${route.url})`).toBeDefined();
        }
      }
    });

    it('refuses anonymous callers on every non-public route (401)', async () => {
      for (const route of server.app.accessTable) {
        const res = await send(route, fill(route.url, 'x'), undefined, exampleBody(server, route));
        if (route.access === 'public') expect(res.statusCode, `${route.method} ${route.url}`).not.toBe(401);
        else expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    });

    it('answers every route × account as its gate rule says', async () => {
      const rows: string[] = [];
      for (const route of server.app.accessTable) {
        if (route.access === 'public' || route.access === 'signedIn' || skipAsSignedIn(route)) continue;
        const gate = route.access.gate;
        for (const c of callers) {
          const allowed = (can as (a: Actor, k: string, act: string) => boolean)(c.actor, gate.kind, gate.action);
          const record = route.access.record;
          const fixture = record && FIXTURES[`${record.kind}.${record.action}`];
          const made = fixture && route.url.includes(':') ? await fixture.make(server, 'soppeng') : undefined;
          const res = await send(route, fill(route.url, made?.id ?? 'no-such-id'), c.cookie, fixture?.body ?? exampleBody(server, route));
          rows.push(`${route.method} ${route.url} ${c.username} → ${res.statusCode}`);
          if (!allowed) expect(res.statusCode, rows.at(-1)).toBe(403);
          else if (!made) expect([401, 403], rows.at(-1)).not.toContain(res.statusCode);
          else expect(res.statusCode, rows.at(-1)).not.toBe(401); // the record rule decides: next test
        }
      }
      expect(rows.length).toBeGreaterThan(100);
    });

    it('answers record routes inside and outside each account\'s scope as scope and policy say', async () => {
      let checked = 0;
      for (const route of server.app.accessTable) {
        if (typeof route.access !== 'object' || !route.access.record || !route.url.includes(':')) continue;
        const rule: RecordRule = route.access.record;
        const fixture = FIXTURES[`${rule.kind}.${rule.action}`];
        if (!fixture) continue;
        for (const c of callers) {
          if (!(can as (a: Actor, k: string, act: string) => boolean)(c.actor, route.access.gate.kind, route.access.gate.action)) continue;
          for (const region of ['soppeng', 'makassar'] as const) {
            const made = await fixture.make(server, region);
            const res = await send(route, fill(route.url, made.id), c.cookie, fixture.body ?? exampleBody(server, route));
            const label = `${route.method} ${route.url} ${c.username} ${region} → ${res.statusCode}`;
            if (!fixture.unscoped && !scopeFor(c.actor).contains(made.scoped)) expect(res.statusCode, label).toBe(404);
            else if (!(can as (a: Actor, k: string, act: string, r: unknown) => boolean)(c.actor, rule.kind, rule.action, made.record)) expect(res.statusCode, label).toBe(403);
            else expect([401, 403, 404], label).not.toContain(res.statusCode);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  });
}

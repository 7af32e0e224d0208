import type { Generated } from 'kysely';
import type { ReportKind } from '../../domain/reports/kinds';

// Kysely table types. Column names mirror the migrations; timestamps and dates are text.

export type RegionLevel = 1 | 2 | 3 | 4;
export type TimeZoneName = 'WIB' | 'WITA' | 'WIT';

export interface RegionsTable { code: string; name: string; level: number; parent_code: string | null; time_zone: TimeZoneName }
export interface CountriesTable { code: string; alpha2: string | null; name_id: string; name_en: string; icao_only: number }
export interface AgenciesTable { id: string; kind: string; name: string; region_code: string; created_at: string }
export interface ReporterOrgsTable {
  id: string; kind: 'lodging' | 'company' | 'private'; lodging_type: string | null; name: string; address: string;
  village_code: string; phone: string | null; verified_at: string | null; verified_by: string | null; created_at: string;
  // self-registration (migration 0008); registration_status null: entered by an administrator
  nib?: string | null; nik?: string | null; lat?: number | null; lng?: number | null; person_in_charge?: string | null;
  contact_email?: string | null; registration_status?: 'pending' | 'approved' | 'rejected' | null; registrant_user_id?: string | null;
  rejected_reason?: string | null; decided_by?: string | null; decided_at?: string | null;
}
export interface UsersTable {
  id: string; username: string; display_name: string; email: string | null; password_hash: string; role: string;
  agency_id: string | null; area_code: string | null; reporter_org_id: string | null; totp_secret: string | null;
  totp_pending_secret?: string | null; // added by migration 0002
  locale: string; active: number; failed_logins: number; locked_until: string | null; created_at: string;
  // the two-person rule (migration 0005): approved | pending | rejected
  approval: Generated<string>; created_by?: string | null; decided_by?: string | null; decided_at?: string | null; decision_reason?: string | null;
  /** when the e-mail address was proven by its link (migration 0008) */
  email_verified_at?: string | null;
}
export interface SessionsTable { id: string; user_id: string; created_at: string; expires_at: string; last_seen_at: string; ip: string | null }
export interface TeamsTable {
  id: string; name: string; level: string; region_code: string; office_agency_id: string; sk_number: string;
  sk_date: string; sk_issuer: string; budget_year: number; created_at: string;
}
export interface TeamMembersTable { team_id: string; agency_id: string }
export interface PersonsTable {
  id: string; surname: string; given_names: string; sex: 'M' | 'F' | 'X'; date_of_birth: string; nationality: string;
  created_at: string; updated_at: string;
  /** order-independent normalised name (migration 0020); null until indexed */
  name_key?: string | null;
  /** the person that absorbed this one in a merge (migration 0021); null while it stands alone */
  merged_into?: string | null;
}
/** A merge of two persons and exactly which rows moved, so a split restores them (migration 0021). */
export interface PersonMergesTable {
  id: string; kept_person_id: string; absorbed_person_id: string; region_code: string; reason: string; moved: string;
  merged_by: string; merged_at: string; split_by: string | null; split_at: string | null; split_reason: string | null;
}
/** A pair decided "not the same person" (ids in sorted order), never proposed again (migration 0021). */
export interface PersonLinkDismissalsTable {
  person_a: string; person_b: string; region_code: string; reason: string; dismissed_by: string; dismissed_at: string;
}
/** A person's name tokens and their sound codes, for search (migration 0020). */
export interface PersonNameTokensTable { token: string; person_id: string }
export interface PersonDocumentsTable {
  id: string; person_id: string; type: string; number: string; issuing_state: string; expiry_date: string; created_at: string;
}
export interface StaysTable {
  id: string; receipt_number: string; person_id: string; document_id: string; lodging_id: string; region_code: string;
  arrival_date: string; planned_departure: string | null; departure_date: string | null; room: string | null;
  permit_kind: string; permit_number: string | null; permit_valid_from: string; permit_valid_until: string | null;
  reported_by: string; created_at: string; checked_out_at: string | null; checked_out_by: string | null;
  // the identity as this report gave it (migration 0003)
  reported_surname: string | null; reported_given_names: string | null; reported_sex: string | null;
  reported_date_of_birth: string | null; reported_nationality: string | null; reported_document_expiry: string | null;
  /** JSON array of findings (passport_expired, late_report, ...) */
  findings: Generated<string>;
  /** chain position of the check-in's audit entry (migration 0005) */
  audit_seq?: number | null;
  /** the receipt that lists this stay: its own number, or the group head's (migration 0007) */
  receipt_group?: string | null;
  /** lodging | work | residence (migration 0011) */
  report_kind: Generated<ReportKind>;
  /** migration 0009: local arrival time HH:MM when known; a cancelled report is kept and marked */
  arrival_time?: string | null; cancelled_at?: string | null; cancelled_by?: string | null; cancel_reason?: string | null;
  /** when the stay last changed (migration 0010); a trigger sets it when a write leaves it out */
  changed_at?: string | null;
}
export type StayChangeKind = 'extend' | 'room' | 'correct' | 'cancel_report' | 'cancel_checkout';
export interface StayChangesTable {
  id: string; stay_id: string; kind: StayChangeKind; reason: string | null; before: string; after: string;
  changed_by: string; changed_at: string; audit_seq: number | null;
}
export interface RemindersTable {
  id: string; org_id: string; kind: 'open_stays'; day: string; stay_ids: string; count: number; created_at: string;
  seen_at: string | null; emailed_at: string | null;
}
/** A worker's employment, beside its stay (migration 0011). */
export interface StayEmploymentsTable {
  stay_id: string; position: string; worksite_address: string; worksite_village_code: string; lat: number; lng: number;
  work_permit_ref: string; period_from: string; period_until: string;
}
export interface ReceiptCountersTable { prefix: string; last: number }
/** An early-detection report of a field officer (migration 0018). */
export interface SightingsTable {
  id: string; reported_by: string; reporter_agency_id: string | null; idempotency_key: string; request_hash: string;
  observed_at: string; village_code: string; rw: string | null; rt: string | null; lat: number; lon: number;
  subject_name: string | null; subject_nationality: string | null; subject_description: string | null;
  category: string; note: string | null; status: 'new' | 'linked' | 'case_opened' | 'dismissed';
  person_id: string | null; case_id: string | null; outcome_reason: string | null; triaged_by: string | null; triaged_at: string | null;
  photo_type: string | null; photo_size: number | null; created_at: string; updated_at: string;
}
/** a reporter's API key (migration 0010): only the SHA-256 of the key is kept */
export interface ApiKeysTable {
  id: string; user_id: string; reporter_org_id: string | null; name: string; prefix: string; key_hash: string;
  created_at: string; last_used_at: string | null; revoked_at: string | null; revoked_by: string | null;
}
export type AlertStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved';
export type AlertResolution = 'confirmed' | 'false_positive' | 'no_action';
export interface AlertsTable {
  id: string; key: string; source: 'rule' | 'watchlist'; rule: string; severity: 'low' | 'medium' | 'high'; status: AlertStatus;
  person_id: string; stay_id: string | null; region_code: string; explanation: string; watchlist_entry_id: string | null; score: number | null;
  assigned_agency_id: string | null; assigned_user_id: string | null; resolution: AlertResolution | null; reason: string | null;
  created_at: string; updated_at: string; resolved_at: string | null; resolved_by: string | null;
}
export type Severity = 'low' | 'medium' | 'high';
export interface NotificationPreferencesTable {
  user_id: string; email: number; min_severity: Severity; updated_at: string;
  /** e-mail on channel mentions and on tasks (migration 0019) */
  mentions: Generated<number>; tasks: Generated<number>;
}
export interface WebhooksTable {
  id: string; team_id: string; url: string; secret: string; min_severity: Severity; active: number; created_by: string; created_at: string;
}
export interface NotificationDeliveriesTable {
  id: string; event_id: string; channel: 'email' | 'webhook'; target: string; payload: string; status: 'pending' | 'delivered' | 'failed';
  attempts: number; next_attempt_at: string; last_error: string | null; created_at: string; delivered_at: string | null;
}
export interface AlertActivityTable {
  id: string; alert_id: string; at: string; actor_id: string | null; actor_name: string; kind: string; detail: string;
}
// migration 0012: guest pre-registration (a lodging's link, and drafts awaiting the clerk)
export interface PreregLinksTable { lodging_id: string; token: string; created_at: string; created_by: string }
export interface PreregistrationsTable { id: string; lodging_id: string; data: string; language: string; created_at: string; expires_at: string }
export interface TeamMembershipsTable {
  id: string; team_id: string; user_id: string; agency_id: string | null; position: string; joined_on: string; left_on: string | null;
}
export interface IdentityConflictsTable {
  id: string; person_id: string; stay_id: string; region_code: string; fields: string; status: 'open' | 'resolved';
  resolution: string | null; reason: string | null; resolved_by: string | null; resolved_at: string | null; created_at: string;
}
export interface AuditLogTable {
  seq: number; at: string; actor_id: string | null; actor_username: string | null; action: string; resource_type: string;
  resource_id: string | null; region_code: string | null; detail: string; prev_hash: string; hash: string;
}
export type AuditPendingTable = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash'> & { id: string };
export interface AuditCheckpointsTable { seq: number; hash: string; at: string; key_id: string; signature: string }
export interface OutboxTable { id: string; at: string; event: string; region_code: string | null; payload: string; published_at: string | null }
export interface IdempotencyKeysTable { key: string; user_id: string; route: string; request_hash: string; status: number; body: string; created_at: string }
export interface SettingsTable { key: string; value: string }
// migration 0004
export interface LoginThrottleTable { key: string; level: number; updated_at: number }
export interface TotpRecoveryCodesTable { code_hash: string; user_id: string; created_at: string; used_at: string | null }
// migration 0006
export type WatchlistKind = 'interpol_red_notice' | 'dpo' | 'cekal' | 'local';
export interface WatchlistsTable {
  id: string; name: string; source: string; kind: WatchlistKind; threshold: number | null; created_at: string;
  /** migration 0026: the area of an officer's own list; null for a national list */
  region_code?: string | null;
}
/** names, birth_dates, nationalities, document_numbers: JSON arrays of strings. */
export interface WatchlistEntriesTable {
  id: string; watchlist_id: string; external_id: string; names: string; birth_dates: string; nationalities: string;
  document_numbers: string; reason: string | null; valid_until: string | null; version: number; updated_at: string; removed_at: string | null;
  /** migration 0026 */
  removed_reason?: string | null; changed_by?: string | null;
}
export interface WatchlistVersionsTable {
  watchlist_id: string; version: number; imported_at: string; added: number; updated: number; removed: number; source_file: string | null;
  /** migration 0026: import | add | remove, who, and the reason given */
  change?: string | null; changed_by?: string | null; note?: string | null;
}
// migration 0026
export interface WatchlistImportsTable {
  id: string; watchlist_id: string; file_name: string; status: 'running' | 'done' | 'failed'; done: number; total: number;
  summary: string | null; errors: string | null; created_by: string; created_at: string; finished_at: string | null;
}
// migration 0008
export interface EmailTokensTable {
  token_hash: string; user_id: string; purpose: 'verify_email'; email: string; created_at: string; expires_at: string; used_at: string | null;
}
// migration 0016: a team's meetings, agreements and follow-up tasks
export interface MeetingsTable {
  id: string; team_id: string; agenda: string; starts_at: string; place: string; status: 'planned' | 'held'; minutes: string | null;
  created_by: string; created_at: string; updated_at: string;
}
export interface MeetingInvitationsTable { meeting_id: string; agency_id: string }
export interface MeetingAttendanceTable { id: string; meeting_id: string; agency_id: string; user_id: string | null; name: string }
export interface MeetingAgreementsTable { id: string; meeting_id: string; seq: number; text: string; created_by: string; created_at: string }
export interface TeamTasksTable {
  id: string; team_id: string; meeting_id: string | null; agreement_id: string | null; title: string; owner_agency_id: string;
  owner_user_id: string | null; due_on: string; status: 'open' | 'done'; done_note: string | null; done_at: string | null;
  done_by: string | null; created_by: string; created_at: string;
}

// migration 0017: cases (temuan dan tindak lanjut) and joint operations
export type CaseStatus = 'open' | 'in_progress' | 'action_taken' | 'closed';
export type CaseSourceKind = 'stay' | 'sighting' | 'operation_finding' | 'alert';
export type CaseActionKind = 'administrative' | 'criminal_handover' | 'no_action';
export type CaseMeasure = 'deportation' | 'detention' | 'fine' | 'entry_ban' | 'other';
export interface CasesTable {
  id: string; number: string; title: string; summary: string | null; status: CaseStatus; source_kind: CaseSourceKind; source_id: string;
  region_code: string; opened_by: string; opened_by_agency_id: string | null; assigned_agency_id: string | null; assigned_user_id: string | null;
  action_kind: CaseActionKind | null; action_measure: CaseMeasure | null; action_note: string | null; action_at: string | null; action_by: string | null;
  closed_at: string | null; closed_by: string | null; created_at: string; updated_at: string;
}
export interface CaseEventsTable { id: string; case_id: string; at: string; actor_id: string | null; actor_name: string; kind: string; detail: string }
export interface CasePersonsTable { case_id: string; person_id: string; added_at: string; added_by: string }
export interface CaseAttachmentsTable {
  id: string; case_id: string; event_id: string; filename: string; content_type: string; size: number; sha256: string; data: Buffer;
  created_at: string; created_by: string;
}
export interface OperationsTable {
  id: string; number: string; title: string; planned_on: string; region_code: string; notes: string | null; status: 'planned' | 'done';
  created_by: string; created_by_agency_id: string | null; created_at: string; updated_at: string;
}
export interface OperationTargetsTable { id: string; operation_id: string; kind: 'lodging' | 'area'; reporter_org_id: string | null; village_code: string; label: string | null }
export interface OperationParticipantsTable { operation_id: string; agency_id: string; user_id: string }
export interface OperationChecksTable {
  id: string; operation_id: string; person_id: string | null; name: string | null; nationality: string | null; documents_seen: string | null;
  note: string | null; created_at: string; created_by: string;
}
export interface OperationFindingsTable {
  id: string; operation_id: string; description: string; village_code: string; person_id: string | null; case_id: string | null;
  created_at: string; created_by: string;
}
/** Bulk imports (migration 0013). */
export interface ImportsTable {
  id: string; lodging_id: string; region_code: string; created_by: string; created_at: string; file_name: string; file_hash: string;
  format: 'csv' | 'xlsx'; row_count: number; mapping: string | null;
  /** the file's column headers, JSON (migration 0032: its cells are in import_files) */
  headers: string;
  status: 'uploaded' | 'checked' | 'running' | 'done' | 'failed';
  processed: number; stored: number; skipped: number; failed: number;
  errors: string | null; finished_at: string | null;
}
/** An uploaded file's cells, apart from its import's row (migration 0032). */
export interface ImportFilesTable { import_id: string; table_json: string }
/** Export jobs (migration 0024). */
export interface ExportsTable {
  id: string; user_id: string; source: string; filter: string; format: 'csv' | 'xlsx'; lang: 'id' | 'en'; purpose: string;
  status: 'queued' | 'running' | 'done' | 'failed'; rows_done: number; rows_total: number | null;
  file_path: string | null; file_name: string | null; created_at: string; finished_at: string | null;
}
export interface ImportMappingsTable { lodging_id: string; mapping: string; updated_by: string; updated_at: string }
export interface ImportRowsTable { fingerprint: string; lodging_id: string; import_id: string; row_number: number; stay_id: string; created_at: string }
// migration 0019: the team channel and the per-user notification inbox
export interface ChannelMessagesTable {
  id: string; team_id: string; author_id: string | null; kind: 'message' | 'announcement' | 'guide'; parent_id: string | null; text: string;
  created_at: string; edited_at: string | null; deleted_at: string | null; deleted_by: string | null;
  resolved_at: string | null; resolved_by: string | null; last_reply_at: string | null;
}
export interface ChannelMessageEditsTable { id: string; message_id: string; text: string; edited_at: string; edited_by: string }
export interface ChannelMentionsTable { message_id: string; user_id: string }
export interface ChannelAttachmentsTable {
  id: string; team_id: string; message_id: string | null; filename: string; mime: string; size: number; sha256: string; uploaded_by: string; created_at: string;
}
export interface ChannelReadStateTable { team_id: string; user_id: string; last_read_at: string; last_read_message_id: string; updated_at: string }
export interface NotificationsTable {
  id: string; user_id: string; kind: 'mention' | 'task_assigned' | 'task_due'; team_id: string | null; ref_type: string; ref_id: string;
  dedupe_key: string; actor_name: string | null; created_at: string; read_at: string | null;
}

export interface Database {
  regions: RegionsTable;
  countries: CountriesTable;
  agencies: AgenciesTable;
  reporter_orgs: ReporterOrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_memberships: TeamMembershipsTable;
  channel_messages: ChannelMessagesTable;
  channel_message_edits: ChannelMessageEditsTable;
  channel_mentions: ChannelMentionsTable;
  channel_attachments: ChannelAttachmentsTable;
  channel_read_state: ChannelReadStateTable;
  notifications: NotificationsTable;
  identity_conflicts: IdentityConflictsTable;
  persons: PersonsTable;
  person_documents: PersonDocumentsTable;
  person_name_tokens: PersonNameTokensTable;
  person_merges: PersonMergesTable;
  person_link_dismissals: PersonLinkDismissalsTable;
  stays: StaysTable;
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
  audit_checkpoints: AuditCheckpointsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  settings: SettingsTable;
  login_throttle: LoginThrottleTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  watchlists: WatchlistsTable;
  watchlist_entries: WatchlistEntriesTable;
  watchlist_versions: WatchlistVersionsTable;
  watchlist_imports: WatchlistImportsTable;
  receipt_counters: ReceiptCountersTable;
  stay_changes: StayChangesTable;
  reminders: RemindersTable;
  alerts: AlertsTable;
  alert_activity: AlertActivityTable;
  notification_preferences: NotificationPreferencesTable;
  webhooks: WebhooksTable;
  notification_deliveries: NotificationDeliveriesTable;
  email_tokens: EmailTokensTable;
  prereg_links: PreregLinksTable;
  preregistrations: PreregistrationsTable;
  stay_employments: StayEmploymentsTable;
  sightings: SightingsTable;
  meetings: MeetingsTable;
  meeting_invitations: MeetingInvitationsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_agreements: MeetingAgreementsTable;
  team_tasks: TeamTasksTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_persons: CasePersonsTable;
  case_attachments: CaseAttachmentsTable;
  operations: OperationsTable;
  operation_targets: OperationTargetsTable;
  operation_participants: OperationParticipantsTable;
  operation_checks: OperationChecksTable;
  operation_findings: OperationFindingsTable;
  imports: ImportsTable;
  import_files: ImportFilesTable;
  import_mappings: ImportMappingsTable;
  import_rows: ImportRowsTable;
  exports: ExportsTable;
  api_keys: ApiKeysTable;
}

import { type Kysely, type Migration, type MigrationProvider, Migrator, SqliteAdapter } from 'kysely';
import { analyzeSqlite } from './statistics';
import * as core from './migrations/0001_core';
import * as totpEnrolment from './migrations/0002_totp_enrolment';
import * as access from './migrations/0003_access';
import * as authHardening from './migrations/0004_auth_hardening';
import * as auditAccounts from './migrations/0005_audit_accounts';
import * as watchlists from './migrations/0006_watchlists';
import * as receiptGroups from './migrations/0007_receipt_groups';
import * as registration from './migrations/0008_registration';
import * as stayLifecycle from './migrations/0009_stay_lifecycle';
import * as partnerApi from './migrations/0010_partner_api';
import * as reportKinds from './migrations/0011_report_kinds';
import * as preregistration from './migrations/0012_preregistration';
import * as imports from './migrations/0013_imports';
import * as alerts from './migrations/0014_alerts';
import * as notifications from './migrations/0015_notifications';
import * as sightings from './migrations/0018_sightings';
import * as meetings from './migrations/0016_meetings';
import * as casesOperations from './migrations/0017_cases_operations';
import * as channel from './migrations/0019_channel';
import * as personIndex from './migrations/0020_person_index';
import * as personLinks from './migrations/0021_person_links';
import * as areaFigures from './migrations/0022_area_figures';
import * as presentCover from './migrations/0023_present_cover';
import * as watchlistManagement from './migrations/0026_watchlist_management';
import * as areaCover from './migrations/0027_area_cover';
import * as exportJobs from './migrations/0024_exports';
import * as personSearch from './migrations/0028_person_search';
import * as departurePartial from './migrations/0029_departure_partial';
import * as regencyCover from './migrations/0030_regency_cover';
import * as outboxPending from './migrations/0031_outbox_pending';
import * as importFiles from './migrations/0032_import_files';

// Migrations are listed here (not read from disk) so they bundle and run the same under tsx and tests.
const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_totp_enrolment': totpEnrolment,
  '0003_access': access,
  '0004_auth_hardening': authHardening,
  '0005_audit_accounts': auditAccounts,
  '0006_watchlists': watchlists,
  '0007_receipt_groups': receiptGroups,
  '0008_registration': registration,
  '0009_stay_lifecycle': stayLifecycle,
  '0010_partner_api': partnerApi,
  '0011_report_kinds': reportKinds,
  '0012_preregistration': preregistration,
  '0013_imports': imports,
  '0014_alerts': alerts,
  '0015_notifications': notifications,
  '0018_sightings': sightings,
  '0016_meetings': meetings,
  '0017_cases_operations': casesOperations,
  '0019_channel': channel,
  '0020_person_index': personIndex,
  '0021_person_links': personLinks,
  '0022_area_figures': areaFigures,
  '0023_present_cover': presentCover,
  '0026_watchlist_management': watchlistManagement,
  '0027_area_cover': areaCover,
  '0024_exports': exportJobs,
  '0028_person_search': personSearch,
  '0029_departure_partial': departurePartial,
  '0030_regency_cover': regencyCover,
  '0031_outbox_pending': outboxPending,
  '0032_import_files': importFiles,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> { return migrations; }
}

/** Moves the schema to the named migration, down or up (for tests of a migration's own data moves). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: new StaticProvider() }).migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  // a new index has no statistics and the planner guesses (a present list walked the whole
  // country); PostgreSQL's autovacuum keeps its own
  if (results?.length && db.getExecutor().adapter instanceof SqliteAdapter) await analyzeSqlite(db);
}

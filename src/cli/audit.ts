import { loadConfig } from '../server/config';
import { verifyAuditChain } from '../server/audit/log';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';

/** `audit verify`: walks the hash chain; exits 1 naming the first broken entry. */
export async function runAuditCommand(args: string[]): Promise<number> {
  const [sub] = args;
  if (sub !== 'verify') {
    console.error('usage: npm run cli -- audit verify');
    return 2;
  }
  const config = loadConfig({ ...process.env, SINERGI_DEMO: 'false' });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db.kysely);
    const report = await verifyAuditChain(db.kysely);
    if (report.ok) {
      console.log(`audit chain ok: ${report.entries} entries verified`);
      return 0;
    }
    console.error(`audit chain BROKEN at entry ${report.firstBroken!.seq}: ${report.firstBroken!.reason} (${report.entries} entries before it are intact)`);
    return 1;
  } finally {
    await db.close();
  }
}

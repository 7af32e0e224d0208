import fs from 'node:fs';
import { existingKey, loadSigner, verifyCheckpoints, writeCheckpoint } from '../server/audit/checkpoints';
import { verifyAuditChain } from '../server/audit/log';
import { foldPending } from '../server/audit/pending';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';

const USAGE = 'usage: npm run cli -- audit verify [--checkpoints <file>]\n       npm run cli -- audit checkpoint';

/**
 * `audit verify`: folds pending reads, walks the hash chain; exits 1 naming the first broken entry.
 *   --checkpoints <file>: also proves the log still contains each signed checkpoint (JSON lines).
 * `audit checkpoint`: signs the head and prints the checkpoint as one JSON line (keep it elsewhere).
 */
export async function runAuditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const fileAt = rest.indexOf('--checkpoints');
  const checkpointsFile = fileAt >= 0 ? rest[fileAt + 1] : undefined;
  if (!(sub === 'verify' || sub === 'checkpoint') || (fileAt >= 0 && !checkpointsFile)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({ ...process.env, SINERGI_DEMO: 'false' });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db.kysely);
    if (sub === 'checkpoint') {
      const signer = await loadSigner(db.kysely, config, (msg) => console.error(msg));
      if (!signer) {
        console.error('no checkpoint written: SINERGI_AUDIT_SIGNING_KEY is not set (production needs a key kept outside the database)');
        return 1;
      }
      const checkpoint = await writeCheckpoint(db.kysely, signer);
      if (!checkpoint) {
        console.error('no checkpoint written: the audit log is empty');
        return 1;
      }
      console.log(JSON.stringify(checkpoint));
      return 0;
    }
    if (checkpointsFile) {
      const lines = fs.readFileSync(checkpointsFile, 'utf8').split('\n');
      const key = await existingKey(db.kysely, config);
      if (!key) console.error('note: no signing key at hand; checkpoint signatures are not checked, only their entries');
      const report = await verifyCheckpoints(db.kysely, lines, key);
      if (report.ok) {
        console.log(`audit chain ok: ${report.entries} entries verified; all ${report.checkpoints} checkpoints contained`);
        return 0;
      }
      console.error(report.index > 0
        ? `checkpoint ${report.index} (entry ${report.seq ?? '?'}) NOT CONTAINED: ${report.reason}`
        : `audit chain BROKEN: ${report.reason}`);
      return 1;
    }
    await foldPending(db.kysely);
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

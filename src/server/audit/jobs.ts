import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { loadSigner, writeCheckpoint } from './checkpoints';
import { PendingFolder } from './pending';

/**
 * The audit trail's background work in a running app: fold pending reads into the chain
 * (kicked by each read, and every few seconds in case a kick was lost) and sign an hourly
 * checkpoint of the head. Both stop when the app closes.
 */
export async function startAuditJobs(app: FastifyInstance, db: Kysely<Database>, config: Config): Promise<void> {
  const folder = new PendingFolder(db, (err) => app.log.error({ err }, 'audit fold'));
  const signer = await loadSigner(db, config, (msg) => (config.logger ? app.log.warn(msg) : undefined));
  if (!signer && config.production) app.log.warn('SINERGI_AUDIT_SIGNING_KEY is not set: no audit checkpoints are written');
  const foldTimer = setInterval(() => void folder.kick(), 5000);
  const checkpointTimer = signer
    ? setInterval(() => void writeCheckpoint(db, signer).catch((err) => app.log.error({ err }, 'audit checkpoint')), 3600_000)
    : null;
  app.addHook('onClose', async () => {
    clearInterval(foldTimer);
    if (checkpointTimer) clearInterval(checkpointTimer);
    await folder.stop();
  });
  await folder.kick(); // reads logged just before a crash join the chain now
}

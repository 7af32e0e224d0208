import { type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';

// Kysely's SQLite dialect, with one addition: every transaction first asks `beforeTransaction`
// whether to wait (checkpointer.ts: the moment after which the WAL can start over). It is asked
// before BEGIN, so the transaction reads from a fully copied WAL and its first write restarts it.
// Every write path gets it this way, the rule alerts and the event relay as much as check-ins.

type BeforeTransaction = () => Promise<void> | null;

export class PausingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #beforeTransaction: BeforeTransaction;

  constructor(config: SqliteDialectConfig, beforeTransaction: BeforeTransaction) {
    super(config);
    this.#config = config;
    this.#beforeTransaction = beforeTransaction;
  }

  override createDriver(): Driver {
    return new PausingSqliteDriver(this.#config, this.#beforeTransaction);
  }
}

class PausingSqliteDriver extends SqliteDriver {
  readonly #beforeTransaction: BeforeTransaction;

  constructor(config: SqliteDialectConfig, beforeTransaction: BeforeTransaction) {
    super(config);
    this.#beforeTransaction = beforeTransaction;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const pause = this.#beforeTransaction();
    if (pause) await pause;
    await super.beginTransaction(connection);
  }
}

import { runAuditCommand } from './audit';
import { runUsersCommand } from './users';

// npm run cli -- <command> [...]: operations that run beside (or without) the server.
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  audit: { summary: 'audit verify [--checkpoints <file>] | audit checkpoint: check the audit log, sign its head', run: runAuditCommand },
  users: { summary: 'users create-admin <username>: the first administrator (password on stdin)', run: runUsersCommand },
  watchlist: {
    summary: 'watchlist import <file> --list <name> [--kind ..] [--source ..]: load a watchlist (CSV or FtM JSON lines)',
    run: async (args) => (await import('./watchlist')).runWatchlistCommand(args),
  },
  screen: {
    summary: 'screen <file>: screen people (CSV or FtM JSON lines) against every loaded watchlist',
    run: async (args) => (await import('./watchlist')).runScreenCommand(args),
  },
  import: {
    summary: 'import stays <file> --lodging <id> [--dry-run] [--mapping col=field,...] [--as <user>]: guests from CSV/XLSX',
    run: async (args) => (await import('./imports')).runImportCommand(args),
  },
  mrz: {
    summary: 'mrz read <image>...: read passport MRZs, one JSON line per image',
    run: async (args) => (await import('./mrz')).runMrzCommand(args),
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error('usage: npm run cli -- <command>\n' + Object.entries(commands).map(([n, c]) => `  ${n.padEnd(9)} ${c.summary}`).join('\n'));
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

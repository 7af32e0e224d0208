import { parentPort } from 'node:worker_threads';
import { type IndexState, WatchlistIndex } from '../../../domain/matching/index';
import type { MatchOptions, ScreeningQuery } from '../../../domain/matching/types';

// A helper thread for screening many people at once (re-screening everyone present): it holds
// its own copy of the watchlist index, sent once per index, and answers batches of queries.

export type HelperRequest =
  | { id: number; load: IndexState }
  | { id: number; queries: ScreeningQuery[]; options: MatchOptions };

let index: WatchlistIndex | null = null;

parentPort!.on('message', (msg: HelperRequest) => {
  try {
    if ('load' in msg) {
      index = null; // the old copy can go before the new one is made
      index = WatchlistIndex.fromState(msg.load);
      parentPort!.postMessage({ id: msg.id, hits: [] });
    } else {
      if (!index) throw new Error('match helper: no index loaded');
      const ix = index;
      parentPort!.postMessage({ id: msg.id, hits: msg.queries.map((q) => ix.match(q, msg.options)) });
    }
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: String((err as Error)?.message ?? err) });
  }
});

// Long work on the server (imports, sweeps, re-screens) gives the event loop a turn now and then.
// SQLite answers synchronously, so awaiting its queries alone never lets a request in: without
// these turns a sweep over 35,000 present persons held every request for 5.8 s.

/** Resolves on the next turn of the event loop, after pending I/O. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

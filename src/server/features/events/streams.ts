// The open event streams of this app instance, by session and user, so a session's streams
// can be closed the moment it ends, and a user cannot hold open more than a few.

/**
 * Streams one user may hold open on one instance. Over the cap the *oldest* is closed, not
 * the new one refused: a reloaded tab whose old connection has not yet dropped must still work.
 */
export const MAX_STREAMS_PER_USER = 5;

export interface OpenStream { sessionId: string; userId: string; end(): void }

export class StreamRegistry {
  private readonly streams = new Set<OpenStream>(); // a Set keeps insertion order: oldest first

  add(stream: OpenStream): void {
    this.streams.add(stream);
    const mine = [...this.streams].filter((s) => s.userId === stream.userId);
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_STREAMS_PER_USER))) old.end();
  }

  remove(stream: OpenStream): void { this.streams.delete(stream); }

  endSessions(sessionIds: readonly string[]): void {
    const ids = new Set(sessionIds);
    for (const s of [...this.streams]) if (ids.has(s.sessionId)) s.end();
  }

  endAll(): void { for (const s of [...this.streams]) s.end(); }

  get size(): number { return this.streams.size; }
}

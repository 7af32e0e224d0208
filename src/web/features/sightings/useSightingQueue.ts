import { useEffect, useState } from 'react';
import { type QueuedSighting, startSightingSender, subscribe } from './queue';

/** This user's sightings on the device, live; starts sending them. */
export function useSightingQueue(userId: string): QueuedSighting[] {
  const [reports, setReports] = useState<QueuedSighting[]>([]);
  useEffect(() => {
    startSightingSender(userId);
    return subscribe((all) => setReports(all.filter((r) => r.userId === userId)));
  }, [userId]);
  return reports;
}

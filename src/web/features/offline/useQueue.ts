import { useEffect, useState } from 'react';
import { startSender, subscribe, type QueuedReport } from './queue';

/** This user's reports on the device, live; starts sending them. */
export function useQueue(userId: string): QueuedReport[] {
  const [reports, setReports] = useState<QueuedReport[]>([]);
  useEffect(() => {
    startSender(userId);
    return subscribe((all) => setReports(all.filter((r) => r.userId === userId)));
  }, [userId]);
  return reports;
}

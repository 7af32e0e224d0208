import { addDays } from '../../../domain/dates';
import type { DemoPlan } from './plan';

// Makes sure the demo's present list has something behind every status filter: a few
// overstays, permits ending within 7 and 30 days, an expired passport and a late report.
// Chosen by id order from present short-term visitors of one regency, without the random
// stream, so every other demo row stays as planned.

const VISIT_KINDS = ['visa_free_visit', 'visa_on_arrival', 'visit_visa'];

export function markDemoFlags(plan: DemoPlan, today: string, regency: string): void {
  // a multi-row insert needs the same columns on every row
  for (const s of plan.stays) s.findings ??= '[]';
  const present = plan.stays
    .filter((s) => s.departure_date === null && s.region_code.startsWith(`${regency}.`) && VISIT_KINDS.includes(s.permit_kind)
      && s.permit_valid_until !== null && s.permit_valid_until! >= today)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const setUntil = (i: number, days: number) => {
    const stay = present[i];
    if (!stay) return;
    let until = addDays(today, days);
    if (days < 0) until = stay.arrival_date > until ? stay.arrival_date : until; // ended after arrival...
    if (days < 0 && until >= today) until = addDays(today, -1); // ...but before today
    stay.permit_valid_until = until;
    if (stay.permit_valid_from > until) stay.permit_valid_from = addDays(until, -29);
  };
  setUntil(0, -5); // overstays
  setUntil(1, -12);
  setUntil(2, 2); // ending within 7 days
  setUntil(3, 6);
  setUntil(4, 15); // ending within 30 days
  setUntil(5, 24);
  const expired = present[6];
  if (expired) {
    const expiry = addDays(today, -20);
    expired.reported_document_expiry = expiry;
    expired.findings = JSON.stringify(['passport_expired']);
    const doc = plan.documents.find((d) => d.id === expired.document_id);
    if (doc) doc.expiry_date = expiry;
  }
  const late = present[7];
  if (late) late.findings = JSON.stringify(['late_report']);
}

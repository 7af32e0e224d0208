import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../domain/random';
import { localDate } from '../../../domain/regions';
import { demoReceiptNumber, planDemo, type PlanLodging } from './plan';

const lodging = (id: string, villageCode: string, kind: 'lodging' | 'company' = 'lodging'): PlanLodging => ({
  id, kind, villageCode, regencyCode: villageCode.slice(0, 5), reporterUserId: `u-${id}`, rooms: ['101', '102'], weight: 1,
});

const OPTS = {
  today: '2026-11-27',
  now: '2026-11-27T01:30:00.000Z', // 09:30 WITA: today's afternoon reports would be in the future
  soppeng: [lodging('a', '73.12.04.1001'), lodging('b', '73.12.05.2006'), lodging('c', '73.12.03.1001', 'company')],
  makassar: [lodging('m', '73.71.04.1008')],
  soppengPersons: 80, makassarPersons: 20, soppengPresent: 15, makassarPresent: 5, overstayers: 2,
};

describe('demo plan', () => {
  it('formats receipt numbers', () => {
    expect(demoReceiptNumber('73.12', '2026-11-27', 123)).toBe('STTP/73.12/20261127/000123');
  });

  it('plans the requested people, present guests and overstayers', () => {
    const plan = planDemo(mulberry32(9), OPTS);
    expect(plan.persons).toHaveLength(100);
    expect(plan.documents).toHaveLength(100);
    const present = plan.stays.filter((s) => s.departure_date === null);
    expect(present.filter((s) => s.region_code.startsWith('73.12.'))).toHaveLength(15);
    expect(present.filter((s) => s.region_code.startsWith('73.71.'))).toHaveLength(5);
    const over = present.filter((s) => s.permit_valid_until !== null && s.permit_valid_until! < OPTS.today);
    expect(over.length).toBeLessThanOrEqual(2);
    // Only ITAS holders stay at the company mess.
    for (const s of plan.stays.filter((x) => x.lodging_id === 'c')) expect(s.permit_kind).toBe('itas');
    // ...and are work reports, each with its employment at the company's village
    const workers = plan.stays.filter((x) => x.lodging_id === 'c');
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((s) => s.report_kind === 'work')).toBe(true);
    expect(plan.employments.map((e) => e.stay_id).sort()).toEqual(workers.map((s) => s.id).sort());
    expect(plan.stays.filter((x) => x.lodging_id !== 'c').every((s) => s.report_kind === 'lodging')).toBe(true);
  });

  it('never overlaps one person\'s stays and numbers receipts per regency and day in order', () => {
    const plan = planDemo(mulberry32(10), OPTS);
    const byPerson = new Map<string, typeof plan.stays>();
    for (const s of plan.stays) byPerson.set(s.person_id, [...(byPerson.get(s.person_id) ?? []), s]);
    for (const stays of byPerson.values()) {
      const sorted = [...stays].sort((a, b) => a.arrival_date.localeCompare(b.arrival_date));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].departure_date! < sorted[i].arrival_date).toBe(true);
      expect(sorted.slice(0, -1).every((s) => s.departure_date !== null)).toBe(true);
    }
    const byDay = new Map<string, number[]>();
    for (const s of plan.stays) {
      const prefix = s.receipt_number.slice(0, -7);
      expect(prefix).toBe(`STTP/${s.region_code.slice(0, 5)}/${localDate(new Date(s.created_at), 'WITA').replaceAll('-', '')}`);
      expect(s.created_at <= OPTS.now && (s.checked_out_at ?? '') <= OPTS.now).toBe(true);
      byDay.set(prefix, [...(byDay.get(prefix) ?? []), Number(s.receipt_number.slice(-6))]);
    }
    for (const seqs of byDay.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(new Set(plan.stays.map((s) => s.receipt_number)).size).toBe(plan.stays.length);
  });
});

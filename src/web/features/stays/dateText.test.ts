import { describe, expect, it } from 'vitest';
import { fromTyped, toDmy } from './dateText';

describe('dd/mm/yyyy dates', () => {
  it('shows stored dates day first', () => {
    expect(toDmy('1988-03-14')).toBe('14/03/1988');
    expect(toDmy('14/03/19')).toBe('14/03/19');
    expect(toDmy('')).toBe('');
  });
  it('reads what a clerk types', () => {
    for (const s of ['14/03/1988', '14-3-1988', '14.03.1988', '14031988', '1988-03-14', ' 14/3/1988 ']) expect(fromTyped(s)).toBe('1988-03-14');
  });
  it('leaves half-typed or impossible dates as typed', () => {
    for (const s of ['14/03/198', '31/02/2026', '1403', 'abc']) expect(fromTyped(s)).toBe(s);
  });
});

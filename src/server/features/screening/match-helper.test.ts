import { afterAll, describe, expect, it } from 'vitest';
import { WatchlistIndex } from '../../../domain/matching/index';
import type { ScreeningQuery } from '../../../domain/matching/types';
import { MatchHelper } from './match-helper';

// The helper thread screens with its own copy of the index: what it answers must be exactly
// what this thread would have answered, in the same order.

const surnames = ['Ivanov', 'Zhang', 'Al Rashid', 'Kim', 'Petrov', 'Van der Berg', 'Smith', 'Nguyen'];
const given = ['Sergei', 'Wei', 'Abdul Rahman', 'Min-su', 'Aleksandr', 'Jan', 'John', 'Van An'];

function index(): WatchlistIndex {
  const ix = new WatchlistIndex();
  for (let i = 0; i < 2000; i++) {
    ix.add({
      id: `e${i}`, list: i % 3 ? 'national' : 'interpol', names: [`${given[i % 8]} ${surnames[(i * 7) % 8]}${i % 5 ? '' : 'a'}`],
      datesOfBirth: i % 4 ? [`${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`] : [], nationalities: ['RUS', 'CHN', 'SAU', 'KOR'].slice(i % 4, (i % 4) + 1),
    });
  }
  ix.build();
  return ix;
}

describe('MatchHelper', () => {
  const helper = new MatchHelper(1);
  afterAll(() => helper.close());

  it('gives the hits one thread gives, in order, for a batch split between two threads', async () => {
    const ix = index();
    const queries: ScreeningQuery[] = Array.from({ length: 300 }, (_, i) => ({
      names: [{ surname: surnames[i % 8], given: given[(i * 3) % 8] }], dateOfBirth: `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      nationality: i % 2 ? 'RUS' : undefined,
    }));
    const options = { at: '2026-12-01', threshold: 0.8 };
    const want = queries.map((q) => ix.match(q, options));
    expect(want.filter((h) => h.length > 0).length).toBeGreaterThan(100);
    expect(await helper.matchMany(ix, queries, options)).toEqual(want);
    // the first batch may all be done here while the helper starts; by now it holds the index
    await new Promise((r) => setTimeout(r, 1500));
    expect(await helper.matchMany(ix, queries, options)).toEqual(want);
    expect(helper.helped).toBeGreaterThan(0);
    // a rebuilt index is sent again
    const other = index();
    const before = helper.helped;
    expect(await helper.matchMany(other, queries, options)).toEqual(want);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await helper.matchMany(other, queries, options)).toEqual(want);
    expect(helper.helped).toBeGreaterThan(before);
  });

  it('screens on this thread once closed', async () => {
    const closed = new MatchHelper(1);
    await closed.close();
    const ix = index();
    const queries: ScreeningQuery[] = Array.from({ length: 120 }, () => ({ names: ['Sergei Ivanov'] }));
    expect(await closed.matchMany(ix, queries, {})).toEqual(queries.map((q) => ix.match(q, {})));
    expect(closed.helped).toBe(0);
  });
});

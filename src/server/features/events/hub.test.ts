import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../auth/actor';
import { type DomainEvent, LocalBus } from '../../events/bus';
import { StreamHub } from './hub';
import { officer } from '../../../../test/fixtures/actors';

let n = 0;
const checkIn = (regionCode: string): DomainEvent => ({
  id: `e${++n}`, name: 'stay.checked_in', regionCode, at: '2026-12-02T10:00:00Z',
  data: { stayId: `s${n}`, regionCode, lodgingId: 'l1', nationality: 'NLD', permitKind: 'visa_on_arrival', at: '2026-12-02T10:00:00Z' },
});

describe('event stream hub', () => {
  afterEach(() => vi.useRealTimers());

  it('writes each stream its own area\'s events once per flush, the same bytes to streams that saw the same', async () => {
    vi.useFakeTimers();
    const bus = new LocalBus();
    const hub = new StreamHub(bus, 100);
    const got = new Map<string, Buffer[]>();
    const stream = (name: string, actor: Actor, view = 'identity,permit,whereabouts') =>
      hub.add({ actor, view, write: (chunk) => got.set(name, [...(got.get(name) ?? []), chunk]) });
    stream('a', officer({ id: 'a' }));
    stream('b', officer({ id: 'b' }));
    stream('makassar', officer({ id: 'm', areaCode: '73.71', areas: ['73.71'] }));
    await bus.publishAll([checkIn('73.12.04.1001'), checkIn('73.12.01.1002'), { ...checkIn('73.12.04.1001'), name: 'session.ended' }]);
    expect(got.size).toBe(0); // nothing before the flush
    const remove = stream('late', officer({ id: 'late' })); // joins mid-window: sees only what comes next
    await bus.publish(checkIn('73.12.04.1001'));
    vi.advanceTimersByTime(100);

    expect(got.get('a')).toHaveLength(1);
    expect(got.get('a')![0]).toBe(got.get('b')![0]); // one buffer for both
    const text = got.get('a')![0]!.toString();
    expect(text.match(/event: stay\.checked_in/g)).toHaveLength(3);
    expect(text).not.toContain('session.ended');
    expect(got.get('late')![0]!.toString().match(/^id: /gm)).toHaveLength(1);
    expect(got.has('makassar')).toBe(false);

    remove();
    await bus.publish(checkIn('73.71.01.1001'));
    vi.advanceTimersByTime(100);
    expect(got.get('makassar')![0]!.toString()).toContain('"regionCode":"73.71.01.1001"');
    expect(got.get('a')).toHaveLength(1);
    hub.close();
  });

  it('remembers a stream\'s answer per region for stays, yet asks the full rule for each alert', async () => {
    vi.useFakeTimers();
    const bus = new LocalBus();
    const hub = new StreamHub(bus, 100);
    const got = new Map<string, string>();
    for (const [name, agencyKind] of [['polres', 'polres'], ['kesbangpol', 'kesbangpol']] as const) {
      hub.add({ actor: officer({ id: name, agencyKind }), view: name, write: (c) => got.set(name, (got.get(name) ?? '') + c.toString()) });
    }
    const hit: DomainEvent = { id: 'hit', name: 'alert.raised', regionCode: '73.12.04.1001', at: '2026-12-02T10:00:00Z', data: { alertId: 'a1', source: 'watchlist' } };
    await bus.publishAll([checkIn('73.12.04.1001'), hit, checkIn('73.12.04.1001'), checkIn('73.71.01.1001')]);
    vi.advanceTimersByTime(100);
    // a watchlist hit goes to police, not to Kesbangpol, though both receive the area's check-ins
    expect(got.get('polres')!.match(/event: /g)).toHaveLength(3);
    expect(got.get('polres')).toContain('event: alert.raised');
    expect(got.get('kesbangpol')!.match(/event: stay\.checked_in/g)).toHaveLength(2);
    expect(got.get('kesbangpol')).not.toContain('alert.raised');
    expect(got.get('kesbangpol')).not.toContain('73.71.01.1001');
    hub.close();
  });

  it('leaves out the fields a view does not see', async () => {
    vi.useFakeTimers();
    const bus = new LocalBus();
    const hub = new StreamHub(bus, 100);
    const chunks: string[] = [];
    hub.add({ actor: officer({ agencyKind: 'other' }), view: 'identity', write: (c) => chunks.push(c.toString()) });
    await bus.publish(checkIn('73.12.04.1001'));
    vi.advanceTimersByTime(100);
    const data = JSON.parse(/data: (.*)/.exec(chunks[0]!)![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({ stayId: expect.any(String), nationality: 'NLD' });
    expect(data).not.toHaveProperty('lodgingId'); // whereabouts
    expect(data).not.toHaveProperty('permitKind');
    hub.close();
  });
});

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { fieldGroupsOf } from '../../domain/access/field-matrix';
import { presentEventData } from '../features/events/presenters';
import { registerAccessGate } from '../http/access';
import { can } from './index';
import { scopeFor } from './scope';
import { officer } from '../../../test/fixtures/actors';


describe('access layer', () => {
  it('refuses to register an API route that declares no policy', async () => {
    const app = Fastify();
    registerAccessGate(app);
    expect(() => app.get('/api/v1/forgotten', async () => ({}))).toThrow(/declares no access policy/);
    app.get('/api/v1/declared', { config: { access: 'public' } }, async () => ({ ok: true }));
    expect((await app.inject('/api/v1/declared')).statusCode).toBe(200);
  });

  it('scopes an officer to the union of its own area and its teams\' areas', () => {
    const scope = scopeFor(officer({ areaCode: null, areas: ['73.12', '73.71.04'] }));
    expect(scope.contains({ regionCode: '73.12.04.1001' })).toBe(true);
    expect(scope.contains({ regionCode: '73.71.04.1008' })).toBe(true);
    expect(scope.contains({ regionCode: '73.71.01.1001' })).toBe(false);
    expect(scope.contains({ regionCode: '73.1' })).toBe(false); // a prefix of text is not a parent region
    expect(scopeFor(officer({ role: 'admin', areas: ['73'] })).contains({ regionCode: '73.12' })).toBe(false);
    expect(scopeFor(officer({ role: 'reporter', areas: [], reporterOrg: { id: 'o1', kind: 'lodging', villageCode: '73.12.04.1001', verified: true } }))
      .contains({ regionCode: '73.71', orgId: 'o1' })).toBe(true);
  });

  it('types kinds and actions and decides by the rule', () => {
    expect(can(officer({}), 'stay', 'list')).toBe(true);
    expect(can(officer({ role: 'auditor' }), 'stay', 'list')).toBe(false);
    expect(can(officer({ role: 'auditor' }), 'audit', 'view')).toBe(true);
    // @ts-expect-error a misspelt action does not compile
    expect(() => can(officer({}), 'stay', 'lsit')).toThrow();
  });

  it('gives each agency kind the field groups of its mandate', () => {
    expect(fieldGroupsOf({ role: 'timpora_member', agencyKind: 'disnaker' }).has('employment')).toBe(true);
    expect(fieldGroupsOf({ role: 'timpora_member', agencyKind: 'disnaker' }).has('study')).toBe(false);
    expect(fieldGroupsOf({ role: 'timpora_member', agencyKind: 'disnaker' }).has('document')).toBe(false);
    expect(fieldGroupsOf({ role: 'timpora_member', agencyKind: 'unknown-kind' }).size).toBe(1);
    expect(fieldGroupsOf({ role: 'auditor', agencyKind: null }).size).toBe(0);
  });

  it('drops event fields of groups the receiver does not see, and fields nobody classified', () => {
    const event = { id: 'e', name: 'stay.checked_in', regionCode: '73.12.04.1001', at: 'now', data: { stayId: 's', regionCode: '73.12.04.1001', lodgingId: 'l', nationality: 'NLD', permitKind: 'itas', at: 'now', surname: 'X' } };
    expect(presentEventData(officer({ agencyKind: 'pemerintah_desa' }), event)).toEqual({ stayId: 's', regionCode: '73.12.04.1001', lodgingId: 'l', nationality: 'NLD', at: 'now' });
    expect(presentEventData(officer({ agencyKind: 'other' }), event)).toEqual({ stayId: 's', regionCode: '73.12.04.1001', nationality: 'NLD', at: 'now' });
    expect(presentEventData(officer({ agencyKind: 'polres' }), event)).not.toHaveProperty('surname');
  });
});

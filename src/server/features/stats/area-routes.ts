import type { FastifyInstance } from 'fastify';
import { addDays } from '../../../domain/dates';
import { localDate } from '../../../domain/regions';
import type { AppContext } from '../../context';
import { fieldInvalid } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { DATE, REGION_CODE, problems } from '../../http/schemas';
import { authorize, ensureVisible, inArea } from '../../policies';
import { getRegion, regionAncestors } from '../reference/queries';
import { areaChildren, areaFigures } from './area';

// GET /api/v1/stats/area: the live area dashboard's figures for one region of the caller's area.

export const DEFAULT_PERIOD_DAYS = 90;
const MAX_PERIOD_DAYS = 366;

interface AreaQuery { region?: string; from?: string; to?: string }

const isDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

function periodOf(q: AreaQuery, today: string) {
  if (q.from !== undefined && !isDate(q.from)) throw fieldInvalid('from', 'field.bad_date');
  if (q.to !== undefined && !isDate(q.to)) throw fieldInvalid('to', 'field.bad_date');
  const to = q.to ?? (q.from ? addDays(q.from, DEFAULT_PERIOD_DAYS - 1) : today);
  const from = q.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw fieldInvalid('from', 'field.out_of_range');
  if (days(from, to) > MAX_PERIOD_DAYS) throw fieldInvalid('to', 'field.out_of_range');
  return { from, to };
}

const int = { type: 'integer' } as const;
const keyed = { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, n: int } } } as const;
const region = { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, level: int, inArea: { type: 'boolean' } } } as const;

const areaJson = {
  type: 'object',
  properties: {
    region: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, level: int, timeZone: { type: 'string' } } },
    ancestors: { type: 'array', items: region, description: 'province first; inArea: the caller may open it' },
    today: { ...DATE, description: 'today in the region\'s zone' },
    period: { type: 'object', properties: { from: DATE, to: DATE } },
    present: {
      type: 'object',
      properties: {
        total: int, overstaying: { ...int, description: 'present with permit_valid_until before today' },
        expiring30: { ...int, description: 'present with a permit ending within 30 days' },
        byNationality: keyed, byPermitKind: keyed, byPurpose: { ...keyed, description: 'by report kind: lodging, work, residence' },
        byLodging: {
          type: 'array', description: `the top lodgings by present guests`,
          items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, villageCode: { type: 'string' }, kind: { type: 'string' }, n: int } },
        },
      },
    },
    daily: { type: 'array', items: { type: 'object', properties: { date: DATE, arrivals: int, departures: int } } },
    reports: {
      type: 'object', description: 'reports whose arrival falls in the period',
      properties: {
        total: int, late: { ...int, description: 'with the late_report finding' },
        byKind: { type: 'object', additionalProperties: int }, byChannel: { type: 'object', additionalProperties: int, description: 'direct (form, API) or import' },
      },
    },
    children: {
      type: 'array', description: 'the regions one level below with their present and overstaying counts',
      items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, level: int, present: int, overstaying: int } },
    },
  },
} as const;

/**
 * The figures of one area and period, computed once for every request that asks while they are
 * being computed and no event has come since they began: when a check-in moves every dashboard
 * of a regency at once, their refreshes share one computation, and a refresh after the event
 * never gets figures from before it. Aggregates only: no actor's fields are in them.
 */
function sharedFigures(app: FastifyInstance, ctx: AppContext) {
  let generation = 0;
  const unsubscribe = ctx.bus.subscribe(() => { generation++; });
  app.addHook('onClose', async () => unsubscribe());
  const inFlight = new Map<string, Promise<{ figures: Awaited<ReturnType<typeof areaFigures>>; children: Awaited<ReturnType<typeof areaChildren>> }>>();
  return {
    figures(code: string, today: string, period: { from: string; to: string }) {
      const key = `${generation}|${code}|${today}|${period.from}|${period.to}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = (async () => ({ figures: await areaFigures(ctx.reads, code, today, period), children: await areaChildren(ctx.reads, code, today) }))()
          .finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}

export function areaStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const shared = sharedFigures(app, ctx);
  app.get<{ Querystring: AreaQuery }>('/api/v1/stats/area', {
    config: { access: gate('dashboard', 'view', onRecord('stats', 'view')) },
    schema: {
      tags: ['dashboard'], operationId: 'getAreaStats',
      summary: 'Area dashboard figures: present now, arrivals and departures per day, expiring permits, overstays, reports and drill-down (aggregates only)',
      description: 'region defaults to the caller\'s area; days are the region\'s local days; the period defaults to the last 90 days.',
      querystring: { type: 'object', additionalProperties: false, properties: { region: REGION_CODE, from: DATE, to: DATE } },
      response: { 200: areaJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'dashboard', 'view');
    const code = request.query.region ?? actor.areaCode ?? actor.areas[0] ?? '';
    ensureVisible(inArea(actor, code));
    authorize(actor, 'stats', 'view', code);
    const row = await getRegion(ctx.db, code);
    ensureVisible(row !== undefined);
    const today = localDate(new Date(), row!.time_zone);
    const period = periodOf(request.query, today);
    const [{ figures, children }, ancestors] = [await shared.figures(code, today, period), await regionAncestors(ctx.db, code)];
    return {
      region: { code: row!.code, name: row!.name, level: Number(row!.level), timeZone: row!.time_zone },
      ancestors: ancestors.map((a) => ({ code: a.code, name: a.name, level: Number(a.level), inArea: inArea(actor, a.code) })),
      today, period, ...figures, children,
    };
  });
}

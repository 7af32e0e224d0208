import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { isValidDate } from '../../../domain/dates';
import { localDate, localDateTime } from '../../../domain/regions';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { fieldInvalid } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { DATE, problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { visibleTeam } from '../meetings/queries';
import { type ReportFigures, reportFigures } from './report-figures';
import { type PeriodKind, periodOf } from './report-period';
import { renderReportPdf } from './report-pdf';
import { reportSections } from './report-rows';
import { renderReportXlsx } from './report-xlsx';
import { idParams } from './schemas';

// The periodic Timpora report: a month, quarter or year of the team's area in figures, as JSON
// (the web page), PDF or XLSX. Every export is audited.

interface ReportQuery { period: PeriodKind; date?: string; format: 'json' | 'pdf' | 'xlsx' }

/** Country names (Indonesian) for the nationality codes a report counts. */
export async function countryNames(db: Kysely<Database>, f: ReportFigures): Promise<Record<string, string>> {
  const codes = [...new Set([...Object.keys(f.foreigners.presentByNationality), ...Object.keys(f.foreigners.reportedByNationality)])];
  if (!codes.length) return {};
  return Object.fromEntries((await db.selectFrom('countries').select(['code', 'name_id']).where('code', 'in', codes).execute()).map((c) => [c.code, c.name_id]));
}

const countsJson = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export function teamReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string }; Querystring: ReportQuery }>('/api/v1/teams/:id/reports', {
    config: { access: gate('meeting', 'list', onRecord('team', 'report')) },
    schema: {
      tags: ['teams'], operationId: 'getTeamReport',
      summary: 'Periodic report of a team (month, quarter, year): foreigners present and reported, sightings, cases, operations, alerts, meetings and follow-ups; JSON, PDF or XLSX (audited)',
      params: idParams,
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          period: { type: 'string', enum: ['month', 'quarter', 'year'], default: 'month' },
          date: { ...DATE, description: 'any day of the period (default: today in the team region)' },
          format: { type: 'string', enum: ['json', 'pdf', 'xlsx'], default: 'json' },
        },
      },
      produces: ['application/json', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: {
        200: {
          type: 'object', description: 'format=json; pdf and xlsx answer the file',
          properties: {
            team: { type: 'object', additionalProperties: true }, period: { type: 'object', additionalProperties: true }, presentOn: { type: 'string' },
            foreigners: { type: 'object', properties: Object.fromEntries(['reported', 'present'].map((k) => [k, { type: 'integer' }]).concat(
              ['reportedByNationality', 'reportedByPermitKind', 'reportedByReportKind', 'presentByNationality', 'presentByPermitKind', 'presentByReportKind'].map((k) => [k, countsJson]))) },
            sightings: { type: 'object', additionalProperties: true }, cases: { type: 'object', additionalProperties: true },
            operations: { type: 'object', additionalProperties: true }, alerts: { type: 'object', additionalProperties: true },
            meetings: { type: 'object', additionalProperties: true },
            sections: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, rows: { type: 'array', items: { type: 'array', items: { type: ['string', 'number'] } } } } } },
          },
        },
        ...problems(400, 401, 403, 404),
      },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const access = await visibleTeam(ctx.db, actor, request.params.id);
    authorize(actor, 'team', 'report', access);
    const { team } = access;
    const region = await ctx.db.selectFrom('regions').select('time_zone').where('code', '=', team.region_code).executeTakeFirstOrThrow();
    const date = request.query.date ?? localDate(new Date(), region.time_zone);
    if (!isValidDate(date)) throw fieldInvalid('date', 'field.bad_date');
    const period = periodOf(request.query.period, date, region.time_zone);
    const figures = await reportFigures(ctx.db, team.id, period);
    const sections = reportSections(figures, await countryNames(ctx.db, figures));
    const format = request.query.format;
    await recordRead(ctx.db, actor, {
      action: 'team.report', resourceType: 'team', resourceId: team.id, regionCode: team.region_code, detail: { period: period.kind, from: period.from, to: period.to, format },
    });
    const name = `laporan-timpora-${period.from}-${period.kind}`;
    if (format === 'pdf') {
      const pdf = await renderReportPdf(figures, sections, localDateTime(new Date().toISOString(), region.time_zone));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
    }
    if (format === 'xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await renderReportXlsx(figures, sections));
    }
    return { ...figures, sections: sections.map(({ id, title, rows }) => ({ id, title, rows })) };
  });
}

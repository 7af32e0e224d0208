import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../../audit/log';
import type { AppContext } from '../../context';
import { gate } from '../../http/access';
import { requireActor } from '../../http/actor';
import { DATE, problems } from '../../http/schemas';
import type { RescreenProgress } from './jobs';
import { matchReasonsJson } from './schemas';

// Ad hoc screening of a name by an officer (audited with its purpose), and where the index stands.

interface MatchBody { surname: string; givenNames?: string; dateOfBirth?: string; nationality?: string; documentNumber?: string; purpose: string }

const hitJson = {
  type: 'object',
  properties: {
    entity: { type: 'string' }, list: { type: 'string' }, kind: { type: 'string' }, score: { type: 'number' },
    strength: { type: 'string', enum: ['strong', 'weak'] }, explanation: { type: 'string' }, reasons: matchReasonsJson, matchedName: { type: 'string' },
  },
} as const;

export function screeningRoutes(app: FastifyInstance, ctx: AppContext, progress: () => RescreenProgress): void {
  app.post<{ Body: MatchBody }>('/api/v1/screening/match', {
    config: { access: gate('screening', 'match') },
    schema: {
      tags: ['screening'], operationId: 'matchPerson', summary: 'Check one person against the watchlists (audited, purpose required)',
      body: {
        type: 'object', required: ['surname', 'purpose'], additionalProperties: false,
        properties: {
          surname: { type: 'string', minLength: 1, maxLength: 100 }, givenNames: { type: 'string', maxLength: 100 }, dateOfBirth: { type: 'string', pattern: '^\\d{4}(-\\d{2}-\\d{2})?$' },
          nationality: { type: 'string', minLength: 1, maxLength: 3 }, documentNumber: { type: 'string', maxLength: 30 },
          purpose: { type: 'string', minLength: 5, maxLength: 200, description: 'why the check is made; kept in the audit log' },
        },
        examples: [{ surname: 'TSVETKOV', givenNames: 'SERGEI', dateOfBirth: '1979-04-03', nationality: 'RUS', purpose: 'Pemeriksaan lapangan Timpora' }],
      },
      response: { 200: { type: 'object', properties: { hits: { type: 'array', items: hitJson } } }, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { purpose, documentNumber, ...who } = request.body;
    const hits = await ctx.screening.screen({
      names: [{ surname: who.surname, given: who.givenNames ?? '' }], dateOfBirth: who.dateOfBirth, nationality: who.nationality,
      documentNumbers: documentNumber ? [documentNumber] : [],
    });
    // a deliberate look-up of a person is a change-grade event: straight into the chain
    await ctx.db.transaction().execute((trx) => appendAudit(trx, actor, {
      action: 'screening.match', resourceType: 'screening', regionCode: actor.areaCode,
      detail: { purpose, query: { ...who, documentNumber: documentNumber ? '•••' : undefined }, hits: hits.map((h) => ({ entity: h.entity, list: h.list, score: h.score })) },
    }));
    return { hits: hits.map(({ entity, list, kind, score, strength, explanation, reasons, matchedName }) => ({ entity, list, kind, score: Math.round(score * 1000) / 1000, strength, explanation, reasons, matchedName })) };
  });

  app.get('/api/v1/screening/status', {
    config: { access: gate('screening', 'status') },
    schema: {
      tags: ['screening'], operationId: 'getScreeningStatus', summary: 'Loaded lists, entries, and the progress of the last re-screening',
      response: {
        200: {
          type: 'object',
          properties: {
            lists: { type: 'integer' }, entries: { type: 'integer' }, builtAt: { type: ['string', 'null'] },
            rescreen: { type: 'object', properties: { running: { type: 'boolean' }, done: { type: 'integer' }, total: { type: 'integer' }, raised: { type: 'integer' }, finishedAt: { type: ['string', 'null'] },
              entries: { type: 'integer', description: 'list entries the run screens against' }, changedOnly: { type: 'boolean', description: 'only the entries the change added or changed' } } },
          },
        },
        ...problems(401, 403),
      },
    },
  }, async () => ({ ...ctx.screening.status(), rescreen: progress() }));
}

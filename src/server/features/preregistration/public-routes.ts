import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type PreregAnswers, checkPreregistration } from '../../../domain/preregistration/check';
import { type PreregFieldError, preregErrorKey, preregMessage } from '../../../domain/preregistration/errors';
import { type PreregLanguage, isPreregLanguage, preregLanguageOf } from '../../../domain/preregistration/languages';
import { localDate } from '../../../domain/regions';
import { type Bucket, takeAttempt } from '../../auth/throttle';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { MAX_PROBLEMS, fieldErrorFromAjv } from '../../http/problems';
import { problems } from '../../http/schemas';
import { regionTimeZone } from '../reference/queries';
import { submitDraft } from './commands';
import { referenceOf } from './presenters';
import { lodgingByToken } from './queries';
import { publicBody, publicLodging, publicProblem, submitted, tokenParams } from './schemas';

// The guest's side: no login, only the lodging's link token. Each submission is counted per
// client address (before the token is even looked up, so guessing tokens is slow) and per
// token (a leaked poster cannot flood one lodging), in the same shared buckets as sign-in.

/** A lobby's guests share one address: 20 at once, then one every 30 s. */
export const PREREG_ADDRESS_BUCKET: Bucket = { capacity: 20, perSecond: 1 / 30, maxLevel: 40 };
/** One lodging's link: a coach party at once, then one every 10 s. */
export const PREREG_TOKEN_BUCKET: Bucket = { capacity: 100, perSecond: 1 / 10, maxLevel: 150 };
/** A guest's answers are under 1 KB; 16 KB leaves room and refuses anything bigger (413). */
export const PREREG_BODY_LIMIT = 16 * 1024;

type Body = PreregAnswers & { language: PreregLanguage };
const rateLimited = () => new AppError(429, 'rate_limited');

/** The form's language: the body's own when it names one, else the browser's. */
function languageOf(request: FastifyRequest): PreregLanguage {
  const body = request.body as { language?: unknown } | null;
  if (body && typeof body === 'object' && isPreregLanguage(body.language)) return body.language;
  return preregLanguageOf(request.headers['accept-language']);
}

function problemBody(lang: PreregLanguage, errors: PreregFieldError[]) {
  return {
    type: 'https://sinergi.example/problems/validation', title: preregMessage(lang, 'field.bad_format'), status: 400, code: 'validation', language: lang,
    errors: errors.slice(0, MAX_PROBLEMS).map((e) => ({ field: e.field, key: e.key, message: preregMessage(lang, e.key, e.params), ...(e.params ? { params: e.params } : {}) })),
  };
}

export function preregPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { token: string } }>('/api/v1/prereg/:token', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['preregistration'], operationId: 'getPreregistrationForm', summary: 'The lodging a pre-registration link belongs to (public)',
      description: 'Only the lodging\'s display name. An unknown, rotated or revoked token is 404.',
      params: tokenParams, response: { 200: publicLodging, ...problems(400, 404, 429) },
    },
  }, async (request, reply) => {
    const lodging = await lodgingByToken(ctx.db, request.params.token);
    if (!lodging) throw notFound();
    reply.header('cache-control', 'no-store');
    return { lodgingName: lodging.name };
  });

  app.post<{ Params: { token: string }; Body: Body }>('/api/v1/prereg/:token', {
    config: { access: 'public' },
    bodyLimit: PREREG_BODY_LIMIT,
    attachValidation: true, // problems are answered in the guest's language, not the API's id/en
    schema: {
      tags: ['preregistration'], operationId: 'submitPreregistration', summary: 'A guest pre-registers their stay (public; stored as a draft)',
      description: 'Nothing is reported: the lodging\'s clerk checks the passport and confirms the draft, which expires after 7 days. '
        + 'A 400 lists every problem with a language-neutral `key` and its `message` in the body\'s `language`. '
        + 'Submissions are limited per client address and per link (429).',
      params: tokenParams, body: publicBody,
      response: { 201: submitted, 400: publicProblem, ...problems(404, 413, 429) },
    },
  }, async (request, reply) => {
    if (!(await takeAttempt(ctx.db, `prereg-ip:${request.ip}`, PREREG_ADDRESS_BUCKET))) throw rateLimited();
    const lodging = await lodgingByToken(ctx.db, request.params.token);
    if (!lodging) throw notFound();
    if (!(await takeAttempt(ctx.db, `prereg-token:${lodging.id}`, PREREG_TOKEN_BUCKET))) throw rateLimited();
    const lang = languageOf(request);
    const bad = (errors: PreregFieldError[]) => reply.code(400).type('application/problem+json').send(problemBody(lang, errors));

    if (request.validationError) {
      const raw = (request.validationError as { validation?: Parameters<typeof fieldErrorFromAjv>[0][] }).validation ?? [];
      const seen = new Set<string>();
      const errors = raw.slice(0, 10 * MAX_PROBLEMS).map(fieldErrorFromAjv).filter((e) => !seen.has(e.field) && seen.add(e.field))
        .map((e) => ({ field: e.field, key: preregErrorKey(e.key), ...(e.key === 'field.too_long' ? { params: e.params } : {}) }));
      return bad(errors.length ? errors : [{ field: 'body', key: 'field.bad_format' }]);
    }
    const { language, ...answers } = request.body;
    const codes = [answers.guest.nationality, answers.guest.document.issuingState].map((c) => c.trim().toUpperCase());
    const known = new Set((await ctx.db.selectFrom('countries').select('code').where('code', 'in', codes).execute()).map((c) => c.code));
    const today = localDate(new Date(), await regionTimeZone(ctx.db, lodging.village_code));
    const tidy: PreregAnswers = {
      guest: {
        ...answers.guest, surname: answers.guest.surname.trim(), givenNames: answers.guest.givenNames.trim(),
        nationality: codes[0]!, document: { ...answers.guest.document, number: answers.guest.document.number.trim().toUpperCase(), issuingState: codes[1]! },
      },
      arrivalDate: answers.arrivalDate.trim(),
      ...(answers.plannedDeparture?.trim() ? { plannedDeparture: answers.plannedDeparture.trim() } : {}),
      ...(answers.permitKind ? { permitKind: answers.permitKind } : {}),
    };
    const errors = checkPreregistration(tidy, today, (code) => known.has(code));
    if (errors.length) return bad(errors);
    const draft = await submitDraft(ctx.db, lodging, tidy, language);
    return reply.status(201).send({ reference: referenceOf(draft.id), expiresAt: draft.expiresAt });
  });
}

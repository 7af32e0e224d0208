import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database, PersonDocumentsTable, PersonsTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { regionWithin, scopeFor } from '../../policies/scope';
import { type LinkReason, scoreLink } from './score';

// Reads of entity resolution. A person counts for an actor only through its stays in the
// actor's scope (as in features/persons): candidates, their stay counts and documents too.

export interface PersonSummary {
  person: PersonsTable; staysCount: number; documents: PersonDocumentsTable[]; regionCodes: string[];
}

/** Persons with their stays and documents within the actor's scope; ids without any are left out. */
export async function summariesInScope(db: Kysely<Database>, actor: Actor, ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  const out = new Map<string, PersonSummary>();
  if (ids.length === 0) return out;
  const scope = scopeFor(actor);
  const stays = await db.selectFrom('stays').select(['person_id', 'region_code', 'document_id'])
    .where('person_id', 'in', [...ids]).where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' })).execute();
  if (stays.length === 0) return out;
  const persons = await db.selectFrom('persons').selectAll().where('id', 'in', [...new Set(stays.map((s) => s.person_id))]).execute();
  const documents = await db.selectFrom('person_documents').selectAll().where('id', 'in', [...new Set(stays.map((s) => s.document_id))])
    .orderBy('expiry_date', 'desc').orderBy('id').execute();
  for (const person of persons) {
    const own = stays.filter((s) => s.person_id === person.id);
    const docIds = new Set(own.map((s) => s.document_id));
    out.set(person.id, {
      person, staysCount: own.length, documents: documents.filter((d) => docIds.has(d.id)), regionCodes: [...new Set(own.map((s) => s.region_code))],
    });
  }
  return out;
}

export interface Candidate { summary: PersonSummary; score: number; reasons: LinkReason[] }

/** Persons in the actor's scope that may be this one: same name key, birth date and nationality, not dismissed. */
export async function candidatesFor(db: Kysely<Database>, actor: Actor, of: PersonSummary): Promise<Candidate[]> {
  const p = of.person;
  if (!p.name_key) return [];
  const rows = await db.selectFrom('persons').select('persons.id')
    .where('persons.name_key', '=', p.name_key).where('persons.date_of_birth', '=', p.date_of_birth)
    .where('persons.nationality', '=', p.nationality).where('persons.id', '<>', p.id).where('persons.merged_into', 'is', null)
    .limit(50).execute();
  const decided = await db.selectFrom('person_link_dismissals').select(['person_a', 'person_b'])
    .where((eb) => eb.or([eb('person_a', '=', p.id), eb('person_b', '=', p.id)])).execute();
  const notSame = new Set(decided.map((d) => (d.person_a === p.id ? d.person_b : d.person_a)));
  const summaries = await summariesInScope(db, actor, rows.map((r) => r.id).filter((id) => !notSame.has(id)));
  return [...summaries.values()].map((summary) => ({ summary, ...scoreLink(facts(of), facts(summary)) }))
    .sort((x, y) => y.score - x.score || x.summary.person.id.localeCompare(y.summary.person.id));
}

const facts = (s: PersonSummary) => ({ ...s.person, name_key: s.person.name_key ?? null, documents: s.documents });

export interface QueueFilter { region?: string; page: number; pageSize: number }

/** Undecided pairs whose two persons both have a stay in the actor's scope (the first one in `region` when given). */
export async function probableQueue(db: Kysely<Database>, actor: Actor, f: QueueFilter) {
  const scope = scopeFor(actor);
  const q = db.selectFrom('persons as a')
    .innerJoin('persons as b', (j) => j.onRef('b.name_key', '=', 'a.name_key').onRef('b.date_of_birth', '=', 'a.date_of_birth')
      .onRef('b.nationality', '=', 'a.nationality').onRef('b.id', '>', 'a.id'))
    .where('a.name_key', 'is not', null).where('a.merged_into', 'is', null).where('b.merged_into', 'is', null)
    .where((eb) => eb.and([
      ...(['a.id', 'b.id'] as const).map((person, i) => eb.exists(eb.selectFrom('stays').select('stays.id').whereRef('stays.person_id', '=', person)
        .where((s) => s.and([
          scope.where(s, { region: 'stays.region_code', org: 'stays.lodging_id' }),
          ...(i === 0 && f.region ? [regionWithin(s, 'stays.region_code', f.region)] : []),
        ])))),
      eb.not(eb.exists(eb.selectFrom('person_link_dismissals as d').select('d.person_a')
        .whereRef('d.person_a', '=', 'a.id').whereRef('d.person_b', '=', 'b.id'))),
      eb.not(eb.exists(eb.selectFrom('person_link_dismissals as d').select('d.person_a')
        .whereRef('d.person_a', '=', 'b.id').whereRef('d.person_b', '=', 'a.id'))),
    ]));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const pairs = await q.select(['a.id as a_id', 'b.id as b_id']).orderBy('a.name_key').orderBy('a.id').orderBy('b.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const summaries = await summariesInScope(db, actor, pairs.flatMap((p) => [p.a_id, p.b_id]));
  const items = pairs.flatMap((p) => {
    const a = summaries.get(p.a_id);
    const b = summaries.get(p.b_id);
    return a && b ? [{ a, b, ...scoreLink(facts(a), facts(b)) }] : [];
  });
  return { items, total: Number(total.n) };
}

export interface MoveRecord {
  stays: string[]; person_documents: string[]; identity_conflicts: string[]; alerts: string[]; sightings: string[];
  operation_checks: string[]; operation_findings: string[]; case_persons: string[];
  /** case links of the absorbed person to a case the kept person was already in: removed, restored on split */
  case_persons_dropped: { case_id: string; added_at: string; added_by: string }[];
}

/** Merges in which the person took part (kept or absorbed), newest first. */
export async function mergesOf(db: Kysely<Database>, personId: string) {
  return db.selectFrom('person_merges')
    .leftJoin('users as merger', 'merger.id', 'person_merges.merged_by')
    .leftJoin('users as splitter', 'splitter.id', 'person_merges.split_by')
    .innerJoin('persons as absorbed', 'absorbed.id', 'person_merges.absorbed_person_id')
    .innerJoin('persons as kept', 'kept.id', 'person_merges.kept_person_id')
    .selectAll('person_merges')
    .select(['merger.display_name as merged_by_name', 'splitter.display_name as split_by_name',
      'absorbed.surname as absorbed_surname', 'absorbed.given_names as absorbed_given_names',
      'kept.surname as kept_surname', 'kept.given_names as kept_given_names'])
    .where((eb) => eb.or([eb('person_merges.kept_person_id', '=', personId), eb('person_merges.absorbed_person_id', '=', personId)]))
    .orderBy('person_merges.merged_at', 'desc').orderBy('person_merges.id').execute();
}

export type MergeRow = Awaited<ReturnType<typeof mergesOf>>[number];

/**
 * Where an absorbed person went: the person that finally holds its records, when that one is in
 * the actor's scope (else undefined, so nobody learns of persons elsewhere).
 */
export async function mergedInto(db: Kysely<Database>, actor: Actor, id: string): Promise<string | undefined> {
  let current = id;
  for (let hop = 0; hop < 20; hop++) {
    const row = await db.selectFrom('persons').select('merged_into').where('id', '=', current).executeTakeFirst();
    if (!row?.merged_into) break;
    current = row.merged_into;
  }
  if (current === id) return undefined;
  return (await summariesInScope(db, actor, [current])).has(current) ? current : undefined;
}

/** The 404 for a person id: with `mergedInto` when the person was merged into one the actor may open. */
export async function personNotFound(db: Kysely<Database>, actor: Actor, id: string): Promise<AppError> {
  const kept = await mergedInto(db, actor, id);
  if (!kept) return notFound();
  return new AppError(404, 'not_found', [], 'detail.person_merged', {}, { mergedInto: { id: kept, href: `/api/v1/persons/${kept}` } });
}

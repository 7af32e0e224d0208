import { addDays } from '../../../domain/dates';
import type { PermitKind } from '../../../domain/permits/kinds';
import { pick, pickWeighted, randInt, type Rng } from '../../../domain/random';
import { NATIONALITIES, NATIONALITY_BY_CODE, type NationalityProfile } from './nationalities';

// Synthetic guests in the shape POST /api/v1/stays takes (docs/api.md), shared by the demo
// seed and the test fixtures.


export interface PermitInput { kind: PermitKind; number?: string; validFrom: string; validUntil?: string }
export interface GuestInput {
  surname: string;
  givenNames: string;
  sex: 'M' | 'F' | 'X';
  dateOfBirth: string;
  nationality: string;
  document: { type: 'passport'; number: string; issuingState: string; expiryDate: string };
  permit: PermitInput;
}

export function pickNationality(rng: Rng): NationalityProfile {
  return pickWeighted(rng, NATIONALITIES.map((n) => [n, n.weight] as const));
}

// ASEAN citizens enter visa-free; others mostly on a visa on arrival. Workers from China,
// India and Korea hold ITAS more often (smelters and plantations in the province).
export function pickPermitKind(rng: Rng, n: NationalityProfile): PermitKind {
  if (n.asean) {
    return pickWeighted<PermitKind>(rng, [['visa_free_visit', 70], ['visit_visa', 10], ['itas', 15], ['itap', 3], ['official', 2]]);
  }
  const itas = ['CHN', 'IND', 'KOR'].includes(n.code) ? 40 : 18;
  return pickWeighted<PermitKind>(rng, [
    ['visa_on_arrival', 45], ['visit_visa', 20], ['itas', itas], ['itap', 5], ['diplomatic', 2], ['official', 3],
  ]);
}

/**
 * A permit for someone arriving at a lodging on arrivalDate. Visit permits start at entry
 * into Indonesia a few days earlier; ITAS/ITAP started months before. ITAP, diplomatic and
 * official permits carry no end date here (they follow the posting or are permanent).
 */
export function synthPermit(rng: Rng, kind: PermitKind, arrivalDate: string, entryDaysBefore?: number): PermitInput {
  const entry = addDays(arrivalDate, -(entryDaysBefore ?? randInt(rng, 0, 7)));
  const n7 = () => String(randInt(rng, 0, 9_999_999)).padStart(7, '0');
  const two = () => pick(rng, [...'ABCDEFGHJKLMNPRSTUVWXYZ']) + pick(rng, [...'ABCDEFGHJKLMNPRSTUVWXYZ']);
  switch (kind) {
    case 'visa_free_visit':
      return { kind, validFrom: entry, validUntil: addDays(entry, 29) };
    case 'visa_on_arrival':
      return { kind, number: `B1${n7()}${randInt(rng, 100, 999)}`, validFrom: entry, validUntil: addDays(entry, 29) };
    case 'visit_visa':
      return { kind, number: `C1${n7()}${randInt(rng, 100, 999)}`, validFrom: entry, validUntil: addDays(entry, 59) };
    case 'itas': {
      const from = addDays(arrivalDate, -randInt(rng, 20, 300));
      return { kind, number: `2C${two()}${n7()}`, validFrom: from, validUntil: addDays(from, 364) };
    }
    case 'itap':
      return { kind, number: `2D${two()}${n7()}`, validFrom: addDays(arrivalDate, -randInt(rng, 100, 1500)) };
    case 'diplomatic':
      return { kind, number: `DPL${n7()}`, validFrom: addDays(arrivalDate, -randInt(rng, 10, 400)) };
    case 'official':
      return { kind, number: `DNS${n7()}`, validFrom: addDays(arrivalDate, -randInt(rng, 10, 400)) };
  }
}

export interface SynthGuestOptions {
  /** The lodging arrival date the permit is built around (default: today, UTC). */
  arrivalDate?: string;
  nationality?: string;
  permitKind?: PermitKind;
  entryDaysBefore?: number;
}

export function synthGuest(rng: Rng, opts: SynthGuestOptions = {}): GuestInput {
  const arrival = opts.arrivalDate ?? new Date().toISOString().slice(0, 10);
  const n = (opts.nationality && NATIONALITY_BY_CODE.get(opts.nationality)) || pickNationality(rng);
  const sex = rng() < 0.58 ? 'M' : 'F';
  const child = rng() < 0.05;
  const age = child ? randInt(rng, 3, 17) : randInt(rng, 20, 72);
  const dateOfBirth = addDays(arrival, -(age * 365 + randInt(rng, 0, 364)));
  // Passports are valid 5 or 10 years; pick a remaining validity of 2 months to 9.5 years.
  const expiryDate = addDays(arrival, randInt(rng, 60, 3470));
  const given = pick(rng, sex === 'M' ? n.male : n.female);
  return {
    surname: pick(rng, n.surnames),
    givenNames: given,
    sex,
    dateOfBirth,
    nationality: n.code,
    document: { type: 'passport', number: n.passportNumber(rng), issuingState: n.code, expiryDate },
    permit: synthPermit(rng, opts.permitKind ?? pickPermitKind(rng, n), arrival, opts.entryDaysBefore),
  };
}

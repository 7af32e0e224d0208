// How likely two persons with the same name key are one person, and why. Pure: no I/O.
// A probable link is proposed only when name key, birth date and nationality agree (the index
// persons_probable serves exactly that), so those three reasons are always present; the score
// then drops when the recorded sex differs and rises a little when both documents come from the
// same issuing state (a passport renewed at the same authority). 1.0 is kept for the certain link
// (same document), which is never proposed because it is already one person.

export type LinkReason =
  | 'same_name_key' | 'same_birth_date' | 'same_nationality' | 'different_document'
  | 'same_sex' | 'different_sex' | 'same_issuing_state';

export interface LinkFacts {
  name_key: string | null; date_of_birth: string; nationality: string; sex: string;
  documents: readonly { issuing_state: string; number: string }[];
}

export function scoreLink(a: LinkFacts, b: LinkFacts): { score: number; reasons: LinkReason[] } {
  const reasons: LinkReason[] = [];
  let score = 0;
  if (a.name_key !== null && a.name_key === b.name_key) { reasons.push('same_name_key'); score += 0.45; }
  if (a.date_of_birth === b.date_of_birth) { reasons.push('same_birth_date'); score += 0.25; }
  if (a.nationality === b.nationality) { reasons.push('same_nationality'); score += 0.1; }
  const key = (d: { issuing_state: string; number: string }) => `${d.issuing_state}/${d.number}`;
  const numbersA = new Set(a.documents.map(key));
  if (!b.documents.some((d) => numbersA.has(key(d)))) reasons.push('different_document');
  if (a.sex === b.sex) { reasons.push('same_sex'); score += 0.1; } else reasons.push('different_sex');
  const statesA = new Set(a.documents.map((d) => d.issuing_state));
  if (b.documents.some((d) => statesA.has(d.issuing_state))) { reasons.push('same_issuing_state'); score += 0.05; }
  return { score: Math.round(score * 100) / 100, reasons };
}

/** A pair's key in person_link_dismissals: the two ids in sorted order. */
export const pairOf = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

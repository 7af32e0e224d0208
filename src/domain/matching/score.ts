// Scoring: token similarity, order-free alignment of two names, and the evidence that dates
// of birth, nationality and document numbers add or remove. Every figure used lives in
// SCORING below, so the README can name the knobs.
import { metaphone, skeleton, slavicKey } from './phonetic.js';
import { jaroWinkler, editSimilarity } from './similarity.js';
import { variantSimilarity } from './variants.js';
import { Role } from './normalise.js';

export const SCORING = {
  /** Below this a token pair counts as unmatched. */
  tokenMatch: 0.8,
  /** Weight of Jaro-Winkler against edit similarity in the base token similarity. */
  jaroWeight: 0.6,
  /** The same for tokens of at most four letters. */
  jaroWeightShort: 0.5,
  /** Floors when a key agrees: double metaphone, Slavic key, abjad consonant skeleton. */
  metaphoneFloor: 0.84,
  slavicFloor: 0.9,
  skeletonFloor: 0.9,
  /** ALRASHID vs RASHID, VANDERBERG vs BERG. */
  particlePrefix: 0.95,
  /** A single letter against a name with that initial. */
  initial: 0.75,
  /** Joined against split (ZHANGWEI vs ZHANG WEI): the joined similarity times this. */
  joinFactor: 1,
  /** Unmatched name token when two or more tokens matched (a missing middle name). */
  missingMiddle: 0.3,
  /** Unmatched patronymic or father's name after bin/ibn, when two or more tokens matched. */
  missingOptional: 0.1,
  /** Unmatched name token otherwise. */
  missingToken: 1,
  /** Weight of a particle that matched (van, al, bin). */
  particleWeight: 0.2,
  dob: {
    equal: 0.08,
    swapped: 0.06,
    offByOne: 0.04,
    yearEqual: 0.03,
    yearOffByOne: 0,
    sameYearOtherDay: -0.2,
    yearNear: -0.25,
    differs: -0.4,
  },
  nationalityEqual: 0.02,
  nationalityDiffers: -0.05,
  /** A document number equal lifts the score by this, to at least documentFloor. */
  documentBonus: 0.3,
  documentFloor: 0.9,
};

/** Default alert threshold (per list overridable). */
export const DEFAULT_THRESHOLD = 0.85;
/**
 * A name-only (weak) hit must also reach this; 0: the list threshold alone decides. Measured at
 * 200,000 names: 0.9 cuts look-alikes with a weak hit from 0.52 to 0.41 but recall from 0.983
 * to 0.971.
 */
export const DEFAULT_WEAK_THRESHOLD = 0;

/** A token with its keys computed once. */
export interface TokenInfo {
  text: string;
  dm1: string;
  dm2: string;
  slavic: string;
  skel: string;
  abjad: boolean;
}

export function tokenInfo(text: string, abjad = false): TokenInfo {
  const [dm1, dm2] = metaphone(text);
  return { text, dm1, dm2, slavic: slavicKey(text), skel: skeleton(text), abjad };
}

const PREFIXES = ['VANDER', 'VANDEN', 'VAN', 'VON', 'AL', 'EL', 'DE', 'DI', 'DA', 'LA', 'LE', 'DU', 'DOS'];

/** The token without a leading particle ("ALRASHID" -> "RASHID"), or null. */
export function stripParticlePrefix(t: string): string | null {
  for (const p of PREFIXES) if (t.length >= p.length + 4 && t.startsWith(p)) return t.slice(p.length);
  return null;
}

/**
 * Jaro-Winkler blended with edit similarity. Jaro-Winkler flatters short tokens (PENG / DENG
 * 0.83), so up to four letters the edit distance weighs more.
 */
function baseSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const w = Math.max(a.length, b.length) <= 4 ? SCORING.jaroWeightShort : SCORING.jaroWeight;
  return w * jaroWinkler(a, b) + (1 - w) * editSimilarity(a, b);
}

export type TokenHow = 'equal' | 'variant' | 'nickname' | 'spelling' | 'phonetic' | 'transliteration' | 'initial' | 'particle';

/** Similarity of two name tokens in [0, 1] and how it was found. */
export function tokenSimilarityHow(a: TokenInfo, b: TokenInfo): [number, TokenHow] {
  if (a.text === b.text) return [1, 'equal'];
  const ta = a.text;
  const tb = b.text;
  if (ta.length === 1 || tb.length === 1) {
    const v = variantSimilarity(ta, tb);
    if (v > 0) return [v, 'variant'];
    return ta[0] === tb[0] ? [SCORING.initial, 'initial'] : [0, 'spelling'];
  }
  let best = baseSimilarity(ta, tb);
  let how: TokenHow = 'spelling';
  const v = variantSimilarity(ta, tb);
  if (v > best) {
    best = v;
    how = v >= 0.95 ? 'variant' : 'nickname';
  }
  // Phonetic codes say little about short syllables (YUN / JOON): only for longer tokens of
  // similar length.
  const la = ta.length;
  const lb = tb.length;
  if (best < SCORING.metaphoneFloor && la >= 4 && lb >= 4 && Math.abs(la - lb) <= 2 && ta[0] === tb[0] && a.dm1.length >= 3 && (a.dm1 === b.dm1 || a.dm1 === b.dm2 || a.dm2 === b.dm1)) {
    best = SCORING.metaphoneFloor;
    how = 'phonetic';
  }
  // The Slavic key is lossy (CRAWWELL / CRAWLEY agree): only where one side looks like a
  // transliterated Slavic name.
  if (best < SCORING.slavicFloor && a.slavic.length >= 3 && a.slavic === b.slavic && (looksSlavic(ta) || looksSlavic(tb))) {
    best = SCORING.slavicFloor;
    how = 'transliteration';
  }
  if ((a.abjad || b.abjad) && best < SCORING.skeletonFloor && a.skel.length >= 2) {
    const sa = a.abjad && a.skel.length >= 4 && a.skel[0] === 'L' ? a.skel.slice(1) : a.skel;
    const sb = b.abjad && b.skel.length >= 4 && b.skel[0] === 'L' ? b.skel.slice(1) : b.skel;
    if (a.skel === b.skel || sa === b.skel || a.skel === sb) {
      best = SCORING.skeletonFloor;
      how = 'transliteration';
    } else {
      const s = SCORING.skeletonFloor * jaroWinkler(a.skel, b.skel);
      if (s > best) {
        best = s;
        how = 'transliteration';
      }
    }
  }
  if (best < SCORING.particlePrefix) {
    // ALRASHID / RASHID, ELMASRY / MASRI: the rest compared as any token, a little less.
    const sa = stripParticlePrefix(ta);
    const sb = stripParticlePrefix(tb);
    let p = 0;
    if (sa !== null) p = Math.max(p, baseSimilarity(sa, sb ?? tb));
    if (sb !== null) p = Math.max(p, baseSimilarity(ta, sb));
    p *= SCORING.particlePrefix;
    if (p > best) {
      best = p;
      how = 'particle';
    }
  }
  return [best, how];
}

const SLAVIC_LOOK = /[BCDFGKLMNPRSTVWZ][JY][AOEU]|(?:OV|OW|OFF|EV|EW|EFF|OVA|OWA|EVA|EWA|SKI|SKY|SKIY|SKIJ|SKAYA|SKAJA|ENKO|UK|ICH|ITCH|YCH|IN|INA|YN|YNA)$|KH|TSCH|SHCH|TCH|TS|SCH|CHT|IJ$|IY$/;

/** Looks like a transliterated Slavic name (-ov, -ski, -enko, zh, kh, tsch, ...). */
export function looksSlavic(t: string): boolean {
  return SLAVIC_LOOK.test(t);
}

export function tokenSimilarity(a: TokenInfo, b: TokenInfo): number {
  return tokenSimilarityHow(a, b)[0];
}

/** One side of a name comparison. */
export interface ScoredToken {
  info: TokenInfo;
  role: Role;
  particle: boolean;
  optional?: boolean;
  essential?: boolean;
}

export interface NamePair {
  /** Indices into the query and entry token lists; a joined token lists two or three. */
  q: number[];
  e: number[];
  sim: number;
  how: TokenHow | 'joined';
}

export interface NameScore {
  score: number;
  pairs: NamePair[];
  unmatchedQuery: number[];
  unmatchedEntry: number[];
}

let scratchQ = new Uint8Array(16);
let scratchE = new Uint8Array(16);

/**
 * Compares two names regardless of order. sim(i, j) gives the similarity of query token i
 * and entry token j (the caller may cache it). Steps: tokens written joined on one side and
 * split on the other are paired first (ZHANGWEI ~ ZHANG+WEI, ALRASHID ~ AL+RASHID,
 * VANDERBERG ~ VAN+DER+BERG); then the best remaining pairs, greedily; then
 * score = sum(sim) / (pairs + penalties for unmatched tokens), where an unmatched token
 * costs little when two or more tokens matched (a dropped or added middle name).
 */
export function scoreName(
  q: readonly ScoredToken[],
  e: readonly ScoredToken[],
  sim: (i: number, j: number) => number,
): NameScore {
  const nq = q.length;
  const ne = e.length;
  if (scratchQ.length < nq) scratchQ = new Uint8Array(nq * 2);
  if (scratchE.length < ne) scratchE = new Uint8Array(ne * 2);
  const usedQ = scratchQ.fill(0, 0, nq);
  const usedE = scratchE.fill(0, 0, ne);
  const pairs: NamePair[] = [];

  joinPass(q, e, usedQ, usedE, pairs, false);
  joinPass(e, q, usedE, usedQ, pairs, true);

  // Greedy best pairs over what is left.
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = SCORING.tokenMatch - 1e-9;
    for (let i = 0; i < nq; i++) {
      if (usedQ[i]) continue;
      for (let j = 0; j < ne; j++) {
        if (usedE[j]) continue;
        // A particle pairs only with the same particle.
        if ((q[i].particle || e[j].particle) && !(q[i].particle && e[j].particle && q[i].info.text === e[j].info.text)) continue;
        const s = q[i].particle ? 1 : sim(i, j);
        if (s > bs) {
          bs = s;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedE[bj] = 1;
    pairs.push({ q: [bi], e: [bj], sim: bs, how: 'equal' });
  }

  let num = 0;
  let den = 0;
  let full = 0;
  for (const p of pairs) {
    const particle = p.q.length === 1 && p.e.length === 1 && q[p.q[0]].particle;
    const w = particle ? SCORING.particleWeight : 1;
    num += w * p.sim;
    den += w;
    if (!particle) full++;
  }
  const unmatchedQuery: number[] = [];
  const unmatchedEntry: number[] = [];
  for (let i = 0; i < nq; i++) if (!usedQ[i] && !q[i].particle) unmatchedQuery.push(i);
  for (let j = 0; j < ne; j++) if (!usedE[j] && !e[j].particle) unmatchedEntry.push(j);
  for (const i of unmatchedQuery) den += unmatchedCost(q[i].info.text, q[i].essential, q[i].optional, full);
  for (const j of unmatchedEntry) den += unmatchedCost(e[j].info.text, e[j].essential, e[j].optional, full);
  const score = full === 0 || den === 0 ? 0 : num / den;
  return { score, pairs, unmatchedQuery, unmatchedEntry };
}

/** What an unmatched (non-particle) token adds to the denominator, given the full pairs made. */
export function unmatchedCost(text: string, essential: boolean | undefined, optional: boolean | undefined, full: number): number {
  // ABD left over is half of a dropped "Abd al-X" name: its other half pays.
  if (text === 'ABD') return 0;
  return full < 2 || essential ? SCORING.missingToken : optional ? SCORING.missingOptional : SCORING.missingMiddle;
}

/**
 * Pairs a token of side A with two or three adjacent-or-not tokens of side B whose join
 * (in either order) is like it. Only unused tokens take part.
 */
function joinPass(
  a: readonly ScoredToken[],
  b: readonly ScoredToken[],
  usedA: Uint8Array,
  usedB: Uint8Array,
  pairs: NamePair[],
  swapped: boolean,
): void {
  if (b.length < 2) return;
  for (let i = 0; i < a.length; i++) {
    if (usedA[i] || a[i].particle) continue;
    const t = a[i].info.text;
    if (t.length < 4) continue;
    let best = 0;
    let bestRaw = 0;
    let bestIdx: number[] | null = null;
    for (let x = 0; x < b.length; x++) {
      if (usedB[x]) continue;
      const bx = b[x].info.text;
      if (bx[0] !== t[0] || bx.length >= t.length) continue;
      for (let y = 0; y < b.length; y++) {
        if (y === x || usedB[y]) continue;
        const by = b[y].info.text;
        const twoLen = bx.length + by.length;
        if (twoLen > t.length + 2 && !(y === x + 1 && y + 1 < b.length)) continue;
        const two = bx + by;
        if (Math.abs(twoLen - t.length) <= 2) {
          // Parts written next to each other, in order, are the likelier join (EUN JEONG).
          const raw = joinedSimilarity(t, two);
          const s = raw + (y === x + 1 ? 0.02 : 0);
          if (s > best) {
            best = s;
            bestRaw = raw;
            bestIdx = [x, y];
          }
        }
        // Three in a row (VAN DER BERG, CHOE CHANG YEONG).
        if (y === x + 1 || b[x].particle || b[y].particle) {
          const z = y + 1;
          if (z < b.length && !usedB[z] && z !== x && y === x + 1) {
            const three = two + b[z].info.text;
            if (Math.abs(three.length - t.length) <= 2) {
              const s = joinedSimilarity(t, three);
              if (s > best) {
                best = s;
                bestRaw = s;
                bestIdx = [x, y, z];
              }
            }
          }
        }
      }
    }
    // Accept only if the join beats pairing the token with one of its parts alone.
    if (bestIdx && bestRaw >= 0.9 && bestIdx.every((k) => joinedSimilarity(t, b[k].info.text) < bestRaw)) {
      usedA[i] = 1;
      for (const k of bestIdx) usedB[k] = 1;
      const s = bestRaw * SCORING.joinFactor;
      pairs.push(swapped ? { q: bestIdx, e: [i], sim: s, how: 'joined' } : { q: [i], e: bestIdx, sim: s, how: 'joined' });
    }
  }
}

/**
 * Whether a token of `a` (four letters or more) may be the join of two or three tokens of `b`
 * as scoreName's join pass looks for them: a first part with its first letter and shorter, and
 * another part (or the next two, in a row) whose lengths add up to within two letters. Linear
 * in each side's tokens, so a name of a hundred words costs no more than it should.
 */
export function mayJoin(a: string[], b: string[]): boolean {
  if (b.length < 2) return false;
  const byLength = lengthScratch.fill(0);
  for (const t of b) byLength[Math.min(t.length, MAX_LEN)]++;
  for (const t of a) {
    if (t.length < 4) continue;
    for (let x = 0; x < b.length; x++) {
      const bx = b[x];
      if (bx[0] !== t[0] || bx.length >= t.length) continue;
      const rest = t.length - bx.length;
      let others = 0;
      for (let len = Math.max(1, rest - 2); len <= rest + 2; len++) others += byLength[Math.min(len, MAX_LEN)];
      if (Math.abs(Math.min(bx.length, MAX_LEN) - rest) <= 2) others--; // x itself
      if (others > 0) return true;
      if (x + 2 < b.length && Math.abs(b[x + 1].length + b[x + 2].length - rest) <= 2) return true;
    }
  }
  return false;
}
/** Token lengths counted apart in mayJoin (longer ones share the last count: it may say yes, never a wrong no). */
const MAX_LEN = 63;
/** mayJoin's counts, reused: it runs for many candidates a query. */
const lengthScratch = new Uint32Array(MAX_LEN + 1);

function joinedSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return jaroWinkler(a, b);
}

// ---------------------------------------------------------------- dates of birth

/** Packs "YYYY-MM-DD" / "YYYY" into y*10000+m*100+d (m = d = 0 when year only); 0 if unusable. */
export function packDate(s: string | undefined): number {
  if (!s) return 0;
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(s);
  if (!m) return 0;
  const y = Number(m[1]);
  if (y < 1800 || y > 2200) return 0;
  if (!m[3]) return y * 10000;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return y * 10000;
  return y * 10000 + mo * 100 + d;
}

export type DobKind =
  | 'none'
  | 'equal'
  | 'swapped'
  | 'offByOne'
  | 'yearEqual'
  | 'yearOffByOne'
  | 'sameYearOtherDay'
  | 'yearNear'
  | 'differs';

const DOB_TEXT: Record<DobKind, string> = {
  none: '',
  equal: 'birth date equal',
  swapped: 'birth date equal with day and month swapped',
  offByOne: 'birth date off by one',
  yearEqual: 'birth year equal',
  yearOffByOne: 'birth year off by one',
  sameYearOtherDay: 'birth year equal, day differs',
  yearNear: 'birth date differs (year off by one)',
  differs: 'birth date differs',
};

export function dobText(k: DobKind): string {
  return DOB_TEXT[k];
}

/** Compares two packed dates. */
export function compareDob(q: number, e: number): DobKind {
  if (q === 0 || e === 0) return 'none';
  const qy = Math.floor(q / 10000);
  const ey = Math.floor(e / 10000);
  const qmd = q % 10000;
  const emd = e % 10000;
  if (qmd === 0 || emd === 0) {
    if (qy === ey) return 'yearEqual';
    if (Math.abs(qy - ey) === 1) return 'yearOffByOne';
    return 'differs';
  }
  if (q === e) return 'equal';
  const qm = Math.floor(qmd / 100);
  const qd = qmd % 100;
  const em = Math.floor(emd / 100);
  const ed = emd % 100;
  if (qy === ey && qm === ed && qd === em) return 'swapped';
  const dy = Math.abs(qy - ey);
  const dm = Math.abs(qm - em);
  const dd = Math.abs(qd - ed);
  if ((dy === 1 && qmd === emd) || (dy === 0 && qm === em && dd === 1) || (dy === 0 && qd === ed && dm === 1)) return 'offByOne';
  if (dy === 0) return 'sameYearOtherDay';
  if (dy === 1) return 'yearNear';
  return 'differs';
}

const DOB_ORDER: DobKind[] = ['equal', 'swapped', 'offByOne', 'yearEqual', 'yearOffByOne', 'none', 'sameYearOtherDay', 'yearNear', 'differs'];

/** The best agreement between a query date and any of an entry's dates. */
export function bestDob(q: number, entryDates: ArrayLike<number>): DobKind {
  if (q === 0 || entryDates.length === 0) return 'none';
  let best: DobKind = 'differs';
  for (let i = 0; i < entryDates.length; i++) {
    const k = compareDob(q, entryDates[i]);
    if (DOB_ORDER.indexOf(k) < DOB_ORDER.indexOf(best)) best = k;
  }
  return best;
}

export function dobDelta(k: DobKind): number {
  return k === 'none' ? 0 : SCORING.dob[k];
}

/** Agreement that makes a hit strong. */
export function dobCorroborates(k: DobKind): boolean {
  return k === 'equal' || k === 'swapped' || k === 'offByOne' || k === 'yearEqual';
}

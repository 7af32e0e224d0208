// Choosing the most probable MRZ reading from per-cell class probabilities, using the
// field charsets and the check digits (per field and composite). A field whose best and
// second-best readings both pass every check, with the second not negligible, is marked
// uncertain rather than guessed; so are unchecked fields (names, codes, sex) with a
// character the model is not sure of (see charDoubt: no check digit will catch it).
import { MRZ_ALPHABET, charValue } from './checkdigit';
import { LAYOUTS, layoutsForShape, td1LongNumberEnd, td1LongNumberLayout, type MrzLayout, type CheckSpec } from './layouts';
import { extractFields } from './fields';
import { isKnownCode } from './codes';
import type { MrzFieldName, MrzFields, MrzKind } from './types';

const NC = MRZ_ALPHABET.length;
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface DecodeOptions {
  /** a field is uncertain when another valid reading has at least this probability ratio to the best */
  ambiguityRatio?: number;
  /** unchecked fields with a character below this probability are uncertain */
  minCharConfidence?: number;
  /** ...or whose runner-up has at least this probability ratio to it (a confident model can
   * still be torn between two glyphs: I/L/Z/1, O/D/Q/0, S/5, B/8) */
  maxRunnerUpRatio?: number;
  /** ...or that a read of the cell shifted by a fraction of the pitch gives less than this
   * (it plainly sees another glyph; mild disagreement is common on right letters) */
  minShiftAgreement?: number;
  /** ...or that the second-opinion model gives less than this (it plainly reads another
   * glyph; it is less sure than the primary model on thin glyphs of small photos) */
  minSecondAgreement?: number;
  /** ...or whose crop has less than this fraction of the median contrast of the cells
   * confirmed with it (glare or shadow washed it out) */
  minRelativeContrast?: number;
  /** a corrected reading this much less probable than the raw best is not accepted */
  maxCorrectionCost?: number;
}

export interface Decoded {
  kind: MrzKind;
  lines: string[];
  fields: MrzFields;
  valid: boolean;
  uncertain: MrzFieldName[];
  /** per line, per character: probability of the chosen character */
  confidences: number[][];
  /** characters [line, index] behind the uncertain fields: the low or rivalled ones, those
   * where two valid readings differ, every character of a failing field */
  doubtful: Array<[number, number]>;
  /** names of checks that fail on the chosen lines */
  failing: string[];
  /** log-probability of the chosen reading */
  logProb: number;
}

type Probs = ArrayLike<number>;

/** Further reads of cells, to confirm characters no check digit covers; [line][index],
 * absent where not looked at. */
export interface CellEvidence {
  /** the primary model on crops shifted by a fraction of the pitch (and unshifted) */
  shifted: Array<Array<Probs[] | undefined>>;
  /** the other model */
  second?: Array<Array<Probs | undefined>>;
  /** the other model is the primary one, whose own reading was not accepted: a runner-up
   * it sees counts as much as one the reading's model sees */
  secondRivals?: boolean;
  /** [line][index] -> paper-to-ink grey difference of the centred crop, where looked at */
  contrast?: Array<Array<number | undefined>>;
}

/** How sure the reading of one cell is, under the cell's charset prior. */
export interface CharDoubt {
  /** probability of the chosen character */
  conf: number;
  /** best other character's probability over the chosen one's */
  runnerUp: number;
  /** lowest probability a shifted read gives the chosen character (1 with none) */
  shiftAgreement: number;
  /** probability the second model gives the chosen character (1 with none) */
  secondAgreement: number;
  /** runnerUp as the second model sees it (0 with none) */
  secondRunnerUp: number;
}

/** Probability of class `c` in `p` renormalised over the classes the prior allows and `keep` keeps. */
function priorProb(p: Probs, prior: Float32Array, c: number, keep: (k: number) => boolean = () => true): number {
  let s = 0;
  for (let k = 0; k < NC; k++) if (k === c || keep(k)) s += p[k] * prior[k];
  return s > 0 ? (p[c] * prior[c]) / s : 0;
}

/**
 * `rival(k)`: whether class k would make a plausible field at all (for a country-code
 * letter: another listed code); other classes are ignored, in the cell and in its reads.
 */
export function charDoubt(p: Probs, prior: Float32Array, c: number, shifted: readonly Probs[] = [], second?: Probs, rival: (k: number) => boolean = () => true): CharDoubt {
  const conf = priorProb(p, prior, c);
  const rivalRatio = (q: Probs, qc: number) => {
    let other = 0;
    for (let k = 0; k < NC; k++) if (k !== c && rival(k)) other = Math.max(other, priorProb(q, prior, k));
    return qc > 0 ? other / qc : Infinity;
  };
  let shiftAgreement = 1;
  for (const r of shifted) shiftAgreement = Math.min(shiftAgreement, priorProb(r, prior, c, rival));
  const secondAgreement = second ? priorProb(second, prior, c, rival) : 1;
  return { conf, runnerUp: rivalRatio(p, conf), shiftAgreement, secondAgreement, secondRunnerUp: second ? rivalRatio(second, priorProb(second, prior, c)) : 0 };
}

/** Fields no check digit covers, whose characters must be confirmed one by one. */
const CONFIRMED_FIELDS = new Set(['documentCode', 'issuingState', 'lastName', 'nationality', 'sex']);

/** Positions of names, codes and sex that no check digit (not even the composite) covers. */
export function uncheckedPositions(kind: MrzKind): Array<[number, number]> {
  const layout = LAYOUTS[kind];
  const covered = new Set<string>();
  for (const c of layout.checks) {
    for (const [l, s, e] of c.ranges) for (let i = s; i < e; i++) covered.add(`${l},${i}`);
    covered.add(`${c.at[0]},${c.at[1]}`);
  }
  const out: Array<[number, number]> = [];
  for (const f of layout.fields) {
    if (!CONFIRMED_FIELDS.has(f.name)) continue;
    for (let i = f.start; i < f.end; i++) if (!covered.has(`${f.line},${i}`)) out.push([f.line, i]);
  }
  return out;
}

/** Per-position prior weights over the 37 classes for a layout. */
function priors(layout: MrzLayout): Float32Array[][] {
  const mk = (allowed: string, soft: Record<string, number> = {}) => {
    const w = new Float32Array(NC);
    for (let c = 0; c < NC; c++) {
      const ch = MRZ_ALPHABET[c];
      w[c] = allowed.includes(ch) ? 1 : soft[ch] ?? 0;
    }
    return w;
  };
  const any = mk(MRZ_ALPHABET);
  const out: Float32Array[][] = [];
  for (let l = 0; l < layout.lines; l++) out.push(Array.from({ length: layout.length }, () => any));
  const softDigits = Object.fromEntries([...DIGITS].map((d) => [d, 0.02]));
  for (const f of layout.fields) {
    for (let i = f.start; i < f.end; i++) {
      let w: Float32Array;
      if (f.name === 'sex') w = mk('MFX<');
      else if (f.name === 'documentCode') w = i === f.start ? mk(LETTERS) : mk(LETTERS + '<', softDigits);
      else if (f.name === 'issuingState' || f.name === 'nationality') w = mk(LETTERS + '<', softDigits);
      else if (f.charset === 'digit') w = mk(DIGITS);
      else if (f.charset === 'alpha') w = mk(LETTERS + '<');
      else if (f.charset === 'alnum') w = mk(LETTERS + DIGITS + '<');
      else w = any;
      out[f.line][i] = w;
    }
  }
  for (const c of layout.checks) out[c.at[0]][c.at[1]] = mk(c.allowFiller ? DIGITS + '<' : DIGITS);
  for (const [l, i] of layout.fillers ?? []) out[l][i] = mk('<');
  return out;
}

const priorCache = new Map<MrzLayout, Float32Array[][]>();
/** Per-position charset priors of a layout ([line][index] -> 37 weights). */
export function priorsFor(layout: MrzLayout) {
  let p = priorCache.get(layout);
  if (!p) { p = priors(layout); priorCache.set(layout, p); }
  return p;
}

/** The model's own first line (no priors): does it continue a TD1 document number? */
function longNumberVariant(layout: MrzLayout, probs: Probs[][]): MrzLayout {
  if (layout.kind !== 'TD1') return layout;
  const line = Array.from(probs[0], (p) => {
    let best = 0;
    for (let c = 1; c < NC; c++) if (p[c] > p[best]) best = c;
    return MRZ_ALPHABET[best];
  }).join('');
  const at = td1LongNumberEnd(line);
  return at === null ? layout : td1LongNumberLayout(at);
}

interface Alt { c: number; lp: number }

/** Allowed alternatives of one cell, most probable first, log-probabilities renormalised. */
function alternatives(p: Probs, prior: Float32Array, max = 5, floor = 1e-5): Alt[] {
  let s = 0;
  for (let c = 0; c < NC; c++) s += p[c] * prior[c];
  const alts: Alt[] = [];
  if (s <= 0) {
    for (let c = 0; c < NC; c++) if (prior[c] > 0) alts.push({ c, lp: Math.log(1 / NC) });
    return alts.slice(0, max);
  }
  for (let c = 0; c < NC; c++) {
    const q = (p[c] * prior[c]) / s;
    if (q >= floor) alts.push({ c, lp: Math.log(q) });
  }
  alts.sort((a, b) => b.lp - a.lp);
  return alts.slice(0, max);
}

interface Partial { lp: number; chars: number[]; r: number }

/** k-best sequences over positions; `weights` give each position's check-digit weight (or 0). */
function kBest(cells: Alt[][], weights: number[], K: number): Partial[][] {
  let states: Partial[][] = Array.from({ length: 10 }, () => []);
  states[0].push({ lp: 0, chars: [], r: 0 });
  for (let i = 0; i < cells.length; i++) {
    const next: Partial[][] = Array.from({ length: 10 }, () => []);
    for (let r = 0; r < 10; r++) {
      for (const st of states[r]) {
        for (const a of cells[i]) {
          const nr = (r + charValue(MRZ_ALPHABET[a.c]) * weights[i]) % 10;
          next[nr].push({ lp: st.lp + a.lp, chars: [...st.chars, a.c], r: nr });
        }
      }
    }
    for (let r = 0; r < 10; r++) { next[r].sort((a, b) => b.lp - a.lp); next[r].length = Math.min(K, next[r].length); }
    states = next;
  }
  return states;
}

interface Segment {
  /** cell positions [line, index] */
  pos: Array<[number, number]>;
  /** candidate readings of those cells */
  cands: Array<{ chars: number[]; lp: number }>;
  /** field name this segment belongs to (for uncertainty), if any */
  check?: CheckSpec['name'];
}

/** Candidates of a checked field (value + its check digit), best first. */
function checkedCandidates(check: CheckSpec, alts: Alt[][][], K: number): Segment {
  const pos: Array<[number, number]> = [];
  for (const [l, s, e] of check.ranges) for (let i = s; i < e; i++) pos.push([l, i]);
  const cells = pos.map(([l, i]) => alts[l][i]);
  const weights = pos.map((_, k) => [7, 3, 1][k % 3]);
  const states = kBest(cells, weights, K);
  const cdAlts = alts[check.at[0]][check.at[1]];
  const cands: Array<{ chars: number[]; lp: number }> = [];
  for (const a of cdAlts) {
    const ch = MRZ_ALPHABET[a.c];
    if (ch === '<') {
      if (!check.allowFiller) continue;
      const lt = MRZ_ALPHABET.indexOf('<');
      for (const st of states[0]) if (st.chars.every((c) => c === lt)) cands.push({ chars: [...st.chars, a.c], lp: st.lp + a.lp });
      continue;
    }
    const d = charValue(ch);
    if (d > 9) continue;
    for (const st of states[d]) cands.push({ chars: [...st.chars, a.c], lp: st.lp + a.lp });
  }
  cands.sort((a, b) => b.lp - a.lp);
  return { pos: [...pos, check.at], cands: cands.slice(0, K), check: check.name };
}

/** Unconstrained k-best of some cells. */
function freeCandidates(pos: Array<[number, number]>, alts: Alt[][][], K: number): Segment {
  const cells = pos.map(([l, i]) => alts[l][i]);
  const states = kBest(cells, pos.map(() => 0), K);
  const cands = states[0];
  return { pos, cands: cands.map((c) => ({ chars: c.chars, lp: c.lp })) };
}

interface Joint { lp: number; choice: number[] }

/** Decode the probabilities of one MRZ of a given shape. `probs[line][index]` = 37 class probabilities. */
export function decodeMrz(probs: Probs[][], opts: DecodeOptions = {}, kindHint?: MrzKind, evidence?: CellEvidence): Decoded | null {
  const nLines = probs.length;
  const len = probs[0]?.length ?? 0;
  const cands = layoutsForShape(nLines, len);
  if (!cands.length) return null;
  let layout: MrzLayout;
  if (kindHint && LAYOUTS[kindHint].lines === nLines && LAYOUTS[kindHint].length === len) layout = LAYOUTS[kindHint];
  else if (cands.length === 1) layout = cands[0];
  else {
    const pV = probs[0][0][MRZ_ALPHABET.indexOf('V')];
    layout = cands.find((l) => (pV > 0.5 ? l.kind.startsWith('MRV') : !l.kind.startsWith('MRV'))) ?? cands[0];
  }
  const long = longNumberVariant(layout, probs);
  if (long === layout) return decodeAs(layout, probs, opts, evidence);
  // a check digit misread as '<' must not turn an ordinary TD1 into a long number: both
  // are decoded, and the long one is kept when it fails no more checks
  const a = decodeAs(long, probs, opts, evidence);
  const b = decodeAs(layout, probs, opts, evidence);
  return b.failing.length < a.failing.length ? b : a;
}

function decodeAs(layout: MrzLayout, probs: Probs[][], opts: DecodeOptions, evidence?: CellEvidence): Decoded {
  const ratio = opts.ambiguityRatio ?? 0.01;
  const minConf = opts.minCharConfidence ?? 0.9;
  const maxRunnerUp = opts.maxRunnerUpRatio ?? 0.02;
  const minShift = opts.minShiftAgreement ?? 0.1;
  const minSecond = opts.minSecondAgreement ?? 0.05;
  const minContrast = opts.minRelativeContrast ?? 0.35;
  const maxCost = opts.maxCorrectionCost ?? Math.log(1e4);
  const len = probs[0]?.length ?? 0;
  const pri = priorsFor(layout);
  const alts: Alt[][][] = probs.map((line, l) => line.map((p, i) => alternatives(p, pri[l][i])));
  const K = 8;

  // chosen chars, start from the per-cell best
  const chosen: number[][] = alts.map((line) => line.map((a) => a[0]?.c ?? NC - 1));
  const lpOf = (l: number, i: number, c: number) => alts[l][i].find((a) => a.c === c)?.lp ?? Math.log(1e-6);

  const composite = layout.checks.find((c) => c.name === 'composite');
  const fieldChecks = layout.checks.filter((c) => c.name !== 'composite');
  const segments: Segment[] = fieldChecks.map((c) => checkedCandidates(c, alts, K));
  const uncertain = new Set<MrzFieldName>();
  const failing: string[] = [];
  const doubt = new Set<string>();
  const doubtAll = (pos: Array<[number, number]>) => { for (const [l, i] of pos) doubt.add(`${l},${i}`); };
  const doubtDiff = (seg: Segment, a: number[], b: number[]) => seg.pos.forEach(([l, i], k) => { if (a[k] !== b[k]) doubt.add(`${l},${i}`); });

  // joint search over segments (with composite)
  const compositeSegs: Segment[] = [];
  const compositeWeights = new Map<string, number>();
  if (composite) {
    let k = 0;
    const covered = new Set<string>();
    for (const [l, s, e] of composite.ranges) for (let i = s; i < e; i++) { compositeWeights.set(`${l},${i}`, [7, 3, 1][k % 3]); covered.add(`${l},${i}`); k++; }
    for (const seg of segments) if (seg.pos.every(([l, i]) => covered.has(`${l},${i}`))) compositeSegs.push(seg);
    const inSeg = new Set(compositeSegs.flatMap((s) => s.pos.map(([l, i]) => `${l},${i}`)));
    // contiguous free runs inside the composite ranges
    for (const [l, s, e] of composite.ranges) {
      let run: Array<[number, number]> = [];
      for (let i = s; i <= e; i++) {
        if (i < e && !inSeg.has(`${l},${i}`)) run.push([l, i]);
        else if (run.length) { compositeSegs.push(freeCandidates(run, alts, K)); run = []; }
      }
    }
  }
  const independent = segments.filter((s) => !compositeSegs.includes(s));

  // raw best log-probability over all constrained positions (to bound the correction cost)
  const rawLp = (seg: Segment) => seg.pos.reduce((s, [l, i]) => s + (alts[l][i][0]?.lp ?? 0), 0);

  const apply = (seg: Segment, cand: { chars: number[] }) => seg.pos.forEach(([l, i], k) => { chosen[l][i] = cand.chars[k]; });

  for (const seg of independent) {
    const best = seg.cands[0];
    if (!best || rawLp(seg) - best.lp > maxCost) { if (seg.check) { failing.push(seg.check); doubtAll(seg.pos); if (seg.check !== 'composite') uncertain.add(seg.check); } continue; }
    apply(seg, best);
    const second = seg.cands[1];
    if (second && second.lp - best.lp > Math.log(ratio) && seg.check && seg.check !== 'composite') { uncertain.add(seg.check); doubtDiff(seg, best.chars, second.chars); }
  }

  if (composite) {
    // DP over composite segments by residue
    let states: Array<Array<{ lp: number; pick: number[] }>> = Array.from({ length: 10 }, () => []);
    states[0].push({ lp: 0, pick: [] });
    for (const seg of compositeSegs) {
      const next: typeof states = Array.from({ length: 10 }, () => []);
      const contrib = seg.cands.map((c) => {
        let s = 0;
        seg.pos.forEach(([l, i], k) => { s += charValue(MRZ_ALPHABET[c.chars[k]]) * (compositeWeights.get(`${l},${i}`) ?? 0); });
        return s % 10;
      });
      for (let r = 0; r < 10; r++) for (const st of states[r]) seg.cands.forEach((c, ci) => {
        const nr = (r + contrib[ci]) % 10;
        next[nr].push({ lp: st.lp + c.lp, pick: [...st.pick, ci] });
      });
      for (let r = 0; r < 10; r++) { next[r].sort((a, b) => b.lp - a.lp); next[r].length = Math.min(K * 2, next[r].length); }
      states = next;
    }
    const [cl, ci] = composite.at;
    const joints: Joint[] = [];
    for (const a of alts[cl][ci]) {
      const d = charValue(MRZ_ALPHABET[a.c]);
      if (d > 9) continue;
      for (const st of states[d]) joints.push({ lp: st.lp + a.lp, choice: [...st.pick, a.c] });
    }
    joints.sort((a, b) => b.lp - a.lp);
    const raw = compositeSegs.reduce((s, seg) => s + rawLp(seg), 0) + (alts[cl][ci][0]?.lp ?? 0);
    const best = joints[0];
    const allHaveCands = compositeSegs.every((s) => s.cands.length > 0);
    if (!best || !allHaveCands || raw - best.lp > maxCost) {
      failing.push('composite');
      // fall back: each checked field on its own
      for (const seg of compositeSegs) {
        if (!seg.check) continue;
        const b = seg.cands[0];
        if (!b || rawLp(seg) - b.lp > maxCost) { failing.push(seg.check); uncertain.add(seg.check as MrzFieldName); doubtAll(seg.pos); continue; }
        apply(seg, b);
      }
    } else {
      compositeSegs.forEach((seg, k) => apply(seg, seg.cands[best.choice[k]]));
      chosen[cl][ci] = best.choice[best.choice.length - 1];
      // ambiguity per checked field: best joint reading in which that field differs
      compositeSegs.forEach((seg, k) => {
        const mine = seg.cands[best.choice[k]].chars.join(',');
        const alt = joints.find((j) => seg.cands[j.choice[k]].chars.join(',') !== mine);
        if (alt && alt.lp - best.lp > Math.log(ratio)) {
          doubtDiff(seg, seg.cands[best.choice[k]].chars, seg.cands[alt.choice[k]].chars);
          if (seg.check) uncertain.add(seg.check as MrzFieldName);
          else markFreeSegment(layout, seg, uncertain);
        }
      });
    }
  }

  // country codes: one not on the list is never accepted as read; a listed code among the
  // alternatives (at >= 2 % of the reading's probability) replaces it, still marked uncertain
  for (const f of layout.fields) {
    if (f.name !== 'issuingState' && f.name !== 'nationality') continue;
    const idx = Array.from({ length: f.end - f.start }, (_, k) => f.start + k);
    const read = idx.map((i) => MRZ_ALPHABET[chosen[f.line][i]]).join('');
    if (isKnownCode(read)) continue;
    uncertain.add(f.name);
    doubtAll(idx.map((i) => [f.line, i]));
    const lpRead = idx.reduce((s, i) => s + lpOf(f.line, i, chosen[f.line][i]), 0);
    let bestAlt: number[] | null = null;
    let bestLp = lpRead + Math.log(0.02);
    const rec = (k: number, acc: number[], lp: number) => {
      if (k === idx.length) {
        if (lp > bestLp && isKnownCode(acc.map((c) => MRZ_ALPHABET[c]).join(''))) { bestLp = lp; bestAlt = [...acc]; }
        return;
      }
      for (const a of alts[f.line][idx[k]].slice(0, 3)) rec(k + 1, [...acc, a.c], lp + a.lp);
    };
    rec(0, [], 0);
    const alt = bestAlt as number[] | null;
    if (alt) idx.forEach((i, k) => { chosen[f.line][i] = alt[k]; });
  }

  const lines = chosen.map((line) => line.map((c) => MRZ_ALPHABET[c]).join(''));
  const confidences = chosen.map((line, l) => line.map((c, i) => Math.exp(lpOf(l, i, c))));

  // characters outside the field checks: low confidence; those outside every check (names,
  // codes, sex) must also be unrivalled and agree with the other reads of their cell
  const checkedPos = new Set<string>();
  for (const c of layout.checks) { for (const [l, s, e] of c.ranges) if (c.name !== 'composite') for (let i = s; i < e; i++) checkedPos.add(`${l},${i}`); }
  const freePos = uncheckedPositions(layout.kind);
  const free = new Set(freePos.map(([l, i]) => `${l},${i}`));
  const contrasts = freePos.map(([l, i]) => evidence?.contrast?.[l]?.[i]).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  const medianContrast = contrasts.length ? contrasts[contrasts.length >> 1] : 0;
  for (const f of layout.fields) {
    let low = false;
    for (let i = f.start; i < f.end; i++) {
      if (checkedPos.has(`${f.line},${i}`)) continue;
      let bad = false;
      if (confidences[f.line][i] < minConf) bad = true;
      else if (free.has(`${f.line},${i}`)) {
        // a country-code letter is only rivalled by one that gives another listed code
        const isCode = f.name === 'issuingState' || f.name === 'nationality';
        const rival = (k: number) => !isCode || isKnownCode(lines[f.line].slice(f.start, i) + MRZ_ALPHABET[k] + lines[f.line].slice(i + 1, f.end));
        const d = charDoubt(probs[f.line][i], pri[f.line][i], chosen[f.line][i], evidence?.shifted[f.line]?.[i], evidence?.second?.[f.line]?.[i], rival);
        if (d.runnerUp > maxRunnerUp || d.shiftAgreement < minShift || d.secondAgreement < minSecond) bad = true;
        if (evidence?.secondRivals && d.secondRunnerUp > maxRunnerUp) bad = true;
        const contrast = evidence?.contrast?.[f.line]?.[i];
        if (contrast !== undefined && contrast < minContrast * medianContrast) bad = true;
      }
      if (bad) { low = true; doubt.add(`${f.line},${i}`); }
    }
    if (low) {
      const name = f.name === 'optionalData2' ? 'personalNumber' : f.name;
      if (name === 'lastName') { uncertain.add('lastName'); uncertain.add('firstName'); }
      else uncertain.add(name);
    }
  }

  // final check on the chosen lines
  const fails = new Set(failing);
  for (const c of layout.checks) {
    const v = c.ranges.map(([l, s, e]) => lines[l].slice(s, e)).join('');
    const d = lines[c.at[0]][c.at[1]];
    const ok = (c.allowFiller && d === '<' && /^<*$/.test(v)) || (/^[0-9]$/.test(d) && checkOf(v) === Number(d));
    if (!ok) fails.add(c.name); else fails.delete(c.name);
  }
  for (const f of fails) {
    if (f !== 'composite') uncertain.add(f as MrzFieldName);
    const c = layout.checks.find((c) => c.name === f);
    if (c) { for (const [l, s, e] of c.ranges) for (let i = s; i < e; i++) doubt.add(`${l},${i}`); doubt.add(`${c.at[0]},${c.at[1]}`); }
  }
  const doubtful = [...doubt].map((k) => k.split(',').map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const fields = extractFields(layout, lines);
  let logProb = 0;
  for (let l = 0; l < lines.length; l++) for (let i = 0; i < len; i++) logProb += lpOf(l, i, chosen[l][i]);
  const order: MrzFieldName[] = ['documentCode', 'issuingState', 'lastName', 'firstName', 'documentNumber', 'nationality', 'birthDate', 'sex', 'expirationDate', 'personalNumber'];
  const unc = order.filter((n) => uncertain.has(n));
  return { kind: layout.kind, lines, fields, valid: fails.size === 0 && unc.length === 0, uncertain: unc, confidences, doubtful, failing: [...fails], logProb };
}

function checkOf(v: string): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += charValue(v[i]) * [7, 3, 1][i % 3];
  return s % 10;
}

function markFreeSegment(layout: MrzLayout, seg: Segment, out: Set<MrzFieldName>) {
  for (const [l, i] of seg.pos) {
    const f = layout.fields.find((f) => f.line === l && i >= f.start && i < f.end);
    if (f) out.add(f.name === 'optionalData2' ? 'personalNumber' : f.name);
  }
}

// Scoring one reading against the truth, and summarising many.
import type { MrzFields, MrzKind } from '../../src/domain/mrz/types';
import { wrongFields } from './fields';
import { median, pct, quantile } from './stats';

export interface Outcome {
  kind: MrzKind;
  /** all ten fields equal to the truth */
  right: boolean;
  valid: boolean;
  /** valid, yet some field is wrong: the error that matters */
  acceptedWrong: boolean;
  wrong: string[];
  ms: number;
  lines: string[];
}

export function score(kind: MrzKind, truth: MrzFields, got: { valid: boolean; fields: MrzFields | null; lines: string[] }, ms: number): Outcome {
  const wrong = wrongFields(truth, got.fields);
  return { kind, right: wrong.length === 0, valid: got.valid, acceptedWrong: got.valid && wrong.length > 0, wrong, ms, lines: got.lines };
}

export interface Summary {
  n: number;
  right: number;
  rightPct: number;
  valid: number;
  acceptedWrong: number;
  acceptedWrongPct: number;
  medianMs: number;
  p90Ms: number;
  byKind: Partial<Record<MrzKind, { n: number; right: number }>>;
}

export function summarise(outs: Outcome[]): Summary {
  const byKind: Summary['byKind'] = {};
  for (const o of outs) {
    const k = (byKind[o.kind] ??= { n: 0, right: 0 });
    k.n++;
    if (o.right) k.right++;
  }
  const right = outs.filter((o) => o.right).length;
  const aw = outs.filter((o) => o.acceptedWrong).length;
  const ms = outs.map((o) => o.ms);
  return {
    n: outs.length, right, rightPct: pct(right, outs.length), valid: outs.filter((o) => o.valid).length,
    acceptedWrong: aw, acceptedWrongPct: pct(aw, outs.length),
    medianMs: Math.round(median(ms) * 10) / 10, p90Ms: Math.round(quantile(ms, 0.9) * 10) / 10, byKind,
  };
}

// Voting MRZ characters across camera frames. One frame may misread or doubt a character
// (a reflection, a blurred instant); several frames that read it the same way, each sure
// of it, settle it. Pure: the live camera feeds it the reader's results frame by frame.
import { LAYOUTS, failingChecks, type MrzLayout } from './layouts';
import { extractFields, FIELD_ORDER } from './fields';
import type { MrzFieldName, MrzKind, MrzReading } from './types';

export interface VoteOptions {
  /** a frame's character counts as a sure vote at or above this probability (default 0.9) */
  sureConf?: number;
  /** sure votes a character needs before it is settled (default 2) */
  minAgree?: number;
  /** the winner's sure weight must be this many times all rivals' sure weight (default 3):
   * a letter that flips between frames stays unsettled instead of being outvoted */
  dominance?: number;
}

export interface VoteResult {
  kind: MrzKind;
  lines: string[];
  /** per line, per character: how many frames read the chosen character surely */
  support: number[][];
  /** positions [line, index] not settled yet */
  unsettled: Array<[number, number]>;
  /** checks failing on the voted lines */
  failing: string[];
  /** every check holds and every character is settled */
  settled: boolean;
  /** frames that took part in the vote */
  frames: number;
  /** the voted lines as a reading, for the same form filling as a photo */
  reading: MrzReading;
}

/** The field each position of a layout belongs to (the name field stands for both names). */
function fieldAt(layout: MrzLayout): Array<Array<MrzFieldName | null>> {
  const map = Array.from({ length: layout.lines }, () => new Array<MrzFieldName | null>(layout.length).fill(null));
  for (const f of layout.fields) {
    if (f.name === 'optionalData2') continue;
    for (let i = f.start; i < f.end; i++) map[f.line][i] = f.name;
  }
  return map;
}

function fits(r: MrzReading, layout: MrzLayout): boolean {
  return r.lines.length === layout.lines && r.lines.every((l) => l.length === layout.length)
    && r.confidences.length === layout.lines;
}

/** A frame takes part when its grid is plausibly aligned: at most half its checks fail. */
export function usableReading(r: MrzReading): r is MrzReading & { kind: MrzKind } {
  if (!r.kind || !fits(r, LAYOUTS[r.kind])) return false;
  const layout = LAYOUTS[r.kind];
  return failingChecks(layout, r.lines).length <= layout.checks.length / 2;
}

/** The kind most recent usable frames agree on (ties: the latest frame's). */
function majorityKind(frames: Array<MrzReading & { kind: MrzKind }>): MrzKind {
  const count = new Map<MrzKind, number>();
  for (const f of frames) count.set(f.kind, (count.get(f.kind) ?? 0) + 1);
  let best = frames[frames.length - 1].kind;
  for (const [k, n] of count) if (n > (count.get(best) ?? 0)) best = k;
  return best;
}

/**
 * Votes the recent frames' readings (oldest first; the caller keeps the window) into one
 * reading. A character is a sure vote in a frame when the reader gave it at least `sureConf`
 * and did not doubt it (or, when the reading does not name doubtful characters, its field);
 * null when no frame has a usable reading.
 */
export function voteMrz(recent: readonly MrzReading[], options: VoteOptions = {}): VoteResult | null {
  const sureConf = options.sureConf ?? 0.9;
  const minAgree = options.minAgree ?? 2;
  const dominance = options.dominance ?? 3;
  const all = recent.filter(usableReading);
  if (all.length === 0) return null;
  const kind = majorityKind(all);
  const frames = all.filter((f) => f.kind === kind);
  const layout = LAYOUTS[kind];
  const fields = fieldAt(layout);
  // the reader names the characters it doubts; older readings only name fields
  const doubts = frames.map((f) => (f.doubtful ? new Set(f.doubtful.map(([l, i]) => l * 100 + i)) : null));

  const lines: string[] = [];
  const support: number[][] = [];
  const confidences: number[][] = [];
  const unsettled: Array<[number, number]> = [];
  for (let l = 0; l < layout.lines; l++) {
    let line = '';
    support.push([]);
    confidences.push([]);
    for (let i = 0; i < layout.length; i++) {
      const sure = new Map<string, { n: number; w: number }>();
      const any = new Map<string, number>();
      let doubting = 0;
      for (const [k, f] of frames.entries()) {
        const ch = f.lines[l][i];
        const conf = f.confidences[l]?.[i] ?? 0;
        any.set(ch, (any.get(ch) ?? 0) + conf);
        const field = fields[l][i];
        const doubted = doubts[k] ? doubts[k].has(l * 100 + i) : !!field && f.uncertain.includes(field);
        if (conf < sureConf || doubted) { doubting++; continue; }
        const s = sure.get(ch) ?? { n: 0, w: 0 };
        sure.set(ch, { n: s.n + 1, w: s.w + conf });
      }
      // the sure votes decide; with none, the most confident reading stands, unsettled
      const pool = sure.size ? new Map([...sure].map(([c, s]) => [c, s.w])) : any;
      let ch = '<', best = -1, total = 0;
      for (const [c, w] of pool) { total += w; if (w > best) { best = w; ch = c; } }
      const n = sure.get(ch)?.n ?? 0;
      const rivals = sure.size ? total - best : Infinity;
      // a character most frames doubted is not settled by the few sure of it: a glint or a
      // worn letter can fool the reader the same way in several frames
      if (n < minAgree || best < dominance * rivals || n < doubting) unsettled.push([l, i]);
      line += ch;
      support[l].push(n);
      confidences[l].push(total > 0 ? best / total : 0);
    }
    lines.push(line);
  }

  const failing = failingChecks(layout, lines);
  const settled = failing.length === 0 && unsettled.length === 0;
  const doubted = new Set<MrzFieldName>();
  for (const [l, i] of unsettled) { const f = fields[l][i]; if (f) doubted.add(f); }
  for (const name of failing) {
    if (name !== 'composite') doubted.add(name);
  }
  if (doubted.has('lastName')) doubted.add('firstName');
  const reading: MrzReading = {
    valid: settled, kind, lines, fields: extractFields(layout, lines),
    uncertain: FIELD_ORDER.filter((f) => doubted.has(f)), confidences, ms: 0,
  };
  return { kind, lines, support, unsettled, failing, settled, frames: frames.length, reading };
}

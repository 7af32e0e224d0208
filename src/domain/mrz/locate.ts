// Finding the MRZ band: local binarisation, connected components, chains of evenly spaced
// glyphs of similar height, and the group of 2-3 parallel chains that looks like an MRZ.
// Returns the cell grid (origin, direction, pitch, line offsets) in the input's pixel space.
import { downscale, type Gray } from './image';
import type { CellGeometry } from './cells';

export interface Component {
  minX: number; maxX: number; minY: number; maxY: number; n: number; cx: number; cy: number;
  w: number; h: number;
}

export interface GridLine {
  /** geometry of every cell of the line, left to right */
  cells: CellGeometry[];
}

export interface MrzGrid {
  angle: number;
  charH: number;
  nChars: number;
  lines: GridLine[];
  /** how many glyph components supported the fit */
  support: number;
  /** mean regularity of the chains (share of gaps close to one pitch) */
  regularity: number;
  /** cells assumed lost at the start of the lines (0 for the plain fit) */
  shifted?: number;
}

/** Sauvola-like local threshold: 1 = ink. */
export function binarise(g: Gray, win: number): Uint8Array {
  const { width: w, height: h, data } = g;
  const W1 = w + 1;
  const S = new Float64Array(W1 * (h + 1));
  const S2 = new Float64Array(W1 * (h + 1));
  for (let y = 0; y < h; y++) {
    let rs = 0, rs2 = 0;
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x];
      rs += v; rs2 += v * v;
      S[(y + 1) * W1 + x + 1] = S[y * W1 + x + 1] + rs;
      S2[(y + 1) * W1 + x + 1] = S2[y * W1 + x + 1] + rs2;
    }
  }
  const r = win >> 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
      const n = (y1 - y0) * (x1 - x0);
      const s = S[y1 * W1 + x1] - S[y0 * W1 + x1] - S[y1 * W1 + x0] + S[y0 * W1 + x0];
      const s2 = S2[y1 * W1 + x1] - S2[y0 * W1 + x1] - S2[y1 * W1 + x0] + S2[y0 * W1 + x0];
      const m = s / n;
      const sd = Math.sqrt(Math.max(0, s2 / n - m * m));
      const t = m * (1 - 0.2 * (1 - sd / 128));
      const v = data[y * w + x];
      out[y * w + x] = v < t && v < m - 10 ? 1 : 0;
    }
  }
  return out;
}

/** 8-connected components of a binary image. */
export function components(bin: Uint8Array, w: number, h: number): Component[] {
  const labels = new Int32Array(w * h).fill(-1);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!bin[start] || labels[start] >= 0) continue;
    const id = out.length;
    let minX = w, maxX = 0, minY = h, maxY = 0, n = 0, sx = 0, sy = 0;
    labels[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w, y = (p - x) / w;
      n++; sx += x; sy += y;
      if (x < minX) minX = x; if (x > maxX) maxX = x;
      if (y < minY) minY = y; if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (bin[q] && labels[q] < 0) { labels[q] = id; stack.push(q); }
        }
      }
      if (n > 200000) break;
    }
    out.push({ minX, maxX, minY, maxY, n, cx: (minX + maxX + 1) / 2, cy: (minY + maxY + 1) / 2, w: maxX - minX + 1, h: maxY - minY + 1 });
  }
  return out;
}

interface Chain { members: Component[]; a: number; b: number; h: number; pitch: number }

function quantile(a: number[], q: number): number {
  if (!a.length) return 0;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}

function median(a: number[]): number {
  if (!a.length) return 0;
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

/** Least-squares line y = a + b x. */
function fitLine(pts: Component[]): { a: number; b: number } {
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const p of pts) { sx += p.cx; sy += p.cy; sxx += p.cx * p.cx; sxy += p.cx * p.cy; }
  const n = pts.length;
  const den = n * sxx - sx * sx;
  const b = den !== 0 ? (n * sxy - sx * sy) / den : 0;
  return { a: (sy - b * sx) / n, b };
}

function makeChain(members: Component[]): Chain {
  members.sort((p, q) => p.cx - q.cx);
  const { a, b } = fitLine(members);
  const gaps: number[] = [];
  for (let i = 1; i < members.length; i++) gaps.push(members[i].cx - members[i - 1].cx);
  return { members, a, b, h: quantile(members.map((m) => m.h), 0.75), pitch: median(gaps) };
}

/** Chains of glyph-like components on a (possibly downscaled) grey image. */
function findChains(g: Gray): Chain[] {
  const { width: w, height: h } = g;
  const win = Math.max(15, Math.min(81, Math.round(Math.min(w, h) / 12))) | 1;
  const bin = binarise(g, win);
  const comps = components(bin, w, h).filter((c) =>
    c.h >= 4 && c.h <= h / 5 && c.w <= c.h * 1.6 + 1 && c.w >= 1 && c.n >= 0.08 * c.w * c.h && c.n <= 0.95 * c.w * c.h + 2);
  comps.sort((p, q) => p.cx - q.cx);
  const n = comps.length;
  const right = new Int32Array(n).fill(-1);
  const rightCost = new Float64Array(n).fill(Infinity);
  const left = new Int32Array(n).fill(-1);
  const leftCost = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const a = comps[i];
    for (let j = i + 1; j < n; j++) {
      const b = comps[j];
      const hm = Math.max(a.h, b.h);
      const dx = b.cx - a.cx;
      if (dx > 2.0 * hm) { if (dx > 2.0 * a.h * 1.7) break; continue; }
      if (dx < 0.45 * hm) continue;
      const ratio = a.h / b.h;
      if (ratio < 0.6 || ratio > 1.67) continue;
      const dy = Math.abs(b.cy - a.cy);
      if (dy > 0.25 * hm + dx * 0.45) continue;
      const cost = dx + 3 * dy;
      if (cost < rightCost[i]) { rightCost[i] = cost; right[i] = j; }
      if (cost < leftCost[j]) { leftCost[j] = cost; left[j] = i; }
    }
  }
  const chains: Chain[] = [];
  const used = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (used[i] || (left[i] >= 0 && right[left[i]] === i)) continue;
    const mem: Component[] = [];
    let k = i;
    while (k >= 0 && !used[k]) {
      used[k] = 1;
      mem.push(comps[k]);
      const r = right[k];
      if (r < 0 || left[r] !== k) break;
      k = r;
    }
    if (mem.length >= 5) chains.push(makeChain(mem));
  }
  // merge collinear chains separated by a gap
  let merged = true;
  while (merged) {
    merged = false;
    chains.sort((p, q) => p.members[0].cx - q.members[0].cx);
    for (let i = 0; i < chains.length && !merged; i++) {
      const A = chains[i];
      const aEnd = A.members[A.members.length - 1];
      for (let j = 0; j < chains.length; j++) {
        if (i === j) continue;
        const B = chains[j];
        const bStart = B.members[0];
        const gap = bStart.cx - aEnd.cx;
        if (gap <= 0 || gap > 8 * Math.max(A.pitch, B.pitch)) continue;
        const hr = A.h / B.h;
        if (hr < 0.75 || hr > 1.33) continue;
        const yPred = A.a + A.b * bStart.cx;
        if (Math.abs(yPred - bStart.cy) > 0.35 * A.h) continue;
        if (Math.abs(A.b - B.b) > 0.05 && B.members.length > 4 && A.members.length > 4) continue;
        chains[i] = makeChain([...A.members, ...B.members]);
        chains.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return chains.filter((c) => c.members.length >= 10);
}

/** Share of a chain's gaps within 20% of a whole number of pitches (monospace text scores ~1). */
function regularityOf(c: Chain): number {
  let ok = 0, n = 0;
  for (let i = 1; i < c.members.length; i++) {
    const g = (c.members[i].cx - c.members[i - 1].cx) / c.pitch;
    n++;
    if (Math.abs(g - Math.round(g)) < 0.2 && g > 0.5) ok++;
  }
  return n ? ok / n : 0;
}

/**
 * Candidate MRZ grids in a grey image (coordinates of the given image), most likely first:
 * the best group of lines, and variants where glyphs were lost at the start of the lines.
 */
export function locateMrzCandidates(gFull: Gray, maxGroups = 2): MrzGrid[] {
  const f = Math.max(1, Math.max(gFull.width, gFull.height) / 1100);
  const g = downscale(gFull, f);
  const chains = findChains(g);
  if (!chains.length) return [];
  // order by vertical position (at the image centre)
  const xm = g.width / 2;
  chains.sort((p, q) => p.a + p.b * xm - (q.a + q.b * xm));
  const groups: Array<{ group: Chain[]; score: number; reg: number }> = [];
  for (let i = 0; i < chains.length; i++) {
    const group = [chains[i]];
    for (let j = i + 1; j < chains.length && group.length < 3; j++) {
      const last = group[group.length - 1];
      const C = chains[j];
      const hr = C.h / last.h;
      if (hr < 0.7 || hr > 1.43) continue;
      if (Math.abs(C.b - last.b) > 0.035) continue;
      const pr = C.pitch / last.pitch;
      if (pr < 0.8 || pr > 1.25) continue;
      // horizontal overlap
      const l0 = Math.max(last.members[0].cx, C.members[0].cx);
      const l1 = Math.min(last.members[last.members.length - 1].cx, C.members[C.members.length - 1].cx);
      const shorter = Math.min(last.members[last.members.length - 1].cx - last.members[0].cx, C.members[C.members.length - 1].cx - C.members[0].cx);
      if (l1 - l0 < 0.5 * shorter) continue;
      const xc = (l0 + l1) / 2;
      const d = (C.a + C.b * xc - (last.a + last.b * xc)) * Math.cos(Math.atan(last.b));
      const hMax = Math.max(C.h, last.h);
      if (d < 1.1 * hMax || d > 3.4 * hMax) continue;
      group.push(C);
    }
    for (let k = 1; k <= group.length; k++) {
      const sub = group.slice(0, k);
      if (sub.length < 2) continue;
      const counts = sub.map((c) => c.members.length);
      const minC = Math.min(...counts);
      if (minC < 12) continue;
      const reg = sub.reduce((s, c) => s + regularityOf(c), 0) / sub.length;
      let score = (counts.reduce((s, c) => s + c, 0) + 2 * minC) * reg * reg;
      score += sub.length * 3;
      groups.push({ group: sub, score, reg });
    }
  }
  groups.sort((a, b) => b.score - a.score);
  const out: MrzGrid[] = [];
  const usedChains = new Set<Chain>();
  let taken = 0;
  for (const gr of groups) {
    if (taken >= maxGroups) break;
    if (gr.group.some((c) => usedChains.has(c))) continue;
    gr.group.forEach((c) => usedChains.add(c));
    taken++;
    const base = gridFromChains(gr.group, f, gr.reg);
    if (!base) continue;
    out.push(base);
    // the first glyphs may have been lost (touching a frame, glare): try shifting right
    // glyphs lost at the start of the lines (touching a frame, glare), or stray marks
    // chained before the first one: try the grid shifted by a few cells either way
    for (const sh of [1, -1, 2, -2, 3, -3, -4]) {
      const g2 = gridFromChains(gr.group, f, gr.reg, base.nChars, sh);
      if (g2) out.push({ ...g2, shifted: sh });
    }
  }
  return out;
}

/** The most likely MRZ grid, or null. */
export function locateMrz(g: Gray): MrzGrid | null {
  return locateMrzCandidates(g, 1)[0] ?? null;
}

function snapCount(nEst: number, nLines: number): number {
  if (nLines >= 3) return 30;
  const opts = [36, 44, 30];
  return opts.reduce((b, o) => (Math.abs(Math.log(nEst / o)) < Math.abs(Math.log(nEst / b)) ? o : b), 44);
}

function solve3(A: number[][], b: number[]): number[] | null {
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    if (Math.abs(M[piv][c]) < 1e-12) return null;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k < 4; k++) M[r][k] -= f * M[c][k];
    }
  }
  return [M[0][3] / M[0][0], M[1][3] / M[1][1], M[2][3] / M[2][2]];
}

/** Fit v(i) = c0 + c1 i + c2 i^2 (c2 = 0 when `linear`). */
function polyFit(pts: Array<{ i: number; v: number }>, linear: boolean): [number, number, number] {
  const n = pts.length;
  if (linear || n < 12) {
    let si = 0, sv = 0, sii = 0, siv = 0;
    for (const p of pts) { si += p.i; sv += p.v; sii += p.i * p.i; siv += p.i * p.v; }
    const den = n * sii - si * si;
    const c1 = den !== 0 ? (n * siv - si * sv) / den : 0;
    return [(sv - c1 * si) / n, c1, 0];
  }
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (const p of pts) {
    let x = 1;
    for (let k = 0; k < 5; k++) { S[k] += x; if (k < 3) T[k] += x * p.v; x *= p.i; }
  }
  const r = solve3([[S[0], S[1], S[2]], [S[1], S[2], S[3]], [S[2], S[3], S[4]]], T);
  return r ? [r[0], r[1], r[2]] : polyFit(pts, true);
}

const ev = (c: [number, number, number], i: number) => c[0] + c[1] * i + c[2] * i * i;

function gridFromChains(group: Chain[], f: number, regularity: number, forceN?: number, shift = 0): MrzGrid | null {
  const all = group.flatMap((c) => c.members);
  const angle0 = Math.atan(median(group.map((c) => c.b)));
  const cos0 = Math.cos(angle0), sin0 = Math.sin(angle0);
  const hs = quantile(all.map((m) => Math.max(1, (m.h - m.w * Math.abs(sin0)) / cos0)), 0.75);
  const gaps: number[] = [];
  for (const c of group) for (let i = 1; i < c.members.length; i++) gaps.push(c.members[i].cx - c.members[i - 1].cx);
  const pitch0 = median(gaps.filter((x) => x > 0)) / cos0;
  const tOf = (m: Component) => m.cx * cos0 + m.cy * sin0;
  const tStart = Math.min(...group.map((c) => tOf(c.members[0])));
  // index the members of each line: walk the chain, counting pitches across gaps
  const indexed = group.map((c) => {
    const ms = c.members.filter((m) => m.h >= 0.55 * hs && m.w <= pitch0 * 1.35);
    if (!ms.length) return [];
    let i = Math.max(0, Math.round((tOf(ms[0]) - tStart) / pitch0));
    const out: Array<{ i: number; m: Component }> = [{ i, m: ms[0] }];
    for (let k = 1; k < ms.length; k++) {
      const step = Math.round((tOf(ms[k]) - tOf(ms[k - 1])) / pitch0);
      if (step < 1) continue;
      i += step;
      out.push({ i, m: ms[k] });
    }
    return out;
  });
  const lastIdx = Math.max(...indexed.map((x) => (x.length ? x[x.length - 1].i : 0)));
  const nEst = lastIdx + 1;
  const nChars = forceN ?? snapCount(nEst, group.length);
  if (nEst > nChars + 4 || nEst < nChars * 0.6) return null;
  if (shift > 0 && nEst + shift > nChars) return null;
  if (shift < 0 && nEst + shift < nChars) return null;
  if (shift) for (let k = 0; k < indexed.length; k++) indexed[k] = indexed[k].map((p) => ({ i: p.i + shift, m: p.m })).filter((p) => p.i >= 0 && p.i < nChars);
  const lines: GridLine[] = [];
  for (const pts of indexed) {
    if (pts.length < 6) return null;
    let use = pts;
    let fx: [number, number, number] = [0, 0, 0], fy: [number, number, number] = [0, 0, 0];
    for (let it = 0; it < 3; it++) {
      const spread = use[use.length - 1].i - use[0].i;
      const linear = spread < nChars * 0.6;
      fx = polyFit(use.map((p) => ({ i: p.i, v: p.m.cx })), linear);
      fy = polyFit(use.map((p) => ({ i: p.i, v: p.m.cy })), linear);
      const keep = pts.filter((p) => Math.hypot(ev(fx, p.i) - p.m.cx, ev(fy, p.i) - p.m.cy) < 0.3 * pitch0);
      if (keep.length < 6) break;
      use = keep;
    }
    // a line that cannot place cell 0 and cell n-1 sensibly is no MRZ line
    const cells: CellGeometry[] = [];
    for (let i = 0; i < nChars; i++) {
      const dx = fx[1] + 2 * fx[2] * i, dy = fy[1] + 2 * fy[2] * i;
      const p = Math.hypot(dx, dy);
      if (!(p > 0.5 * pitch0 && p < 1.6 * pitch0)) return null;
      cells.push({ cx: ev(fx, i) * f, cy: ev(fy, i) * f, pitch: p * f, charH: hs * f, angle: Math.atan2(dy, dx) });
    }
    lines.push({ cells });
  }
  return { angle: angle0, charH: hs * f, nChars, lines, support: all.length, regularity };
}

// WatchlistIndex: an in-memory screening index over watchlist names.
//
// Two levels: names point at distinct tokens (the vocabulary), and blocking keys point at
// vocabulary tokens. A query token finds vocabulary tokens through its keys (exact,
// variant table, double metaphone, Slavic key, consonant skeleton, single deletions,
// particle prefix, joined or split forms), keeps those similar enough, and only the names
// holding them (postings) become candidates: nothing ever scans the whole list. Postings of
// a token shared by very many names are also kept per birth year, and a query with a date
// of birth reads only the years around it. Entries also come from an exact or day/month-
// swapped date of birth and from an exact document number.
//
// Memory: token ids, postings, dates and flags live in typed arrays; strings are interned
// (each distinct token once); keys are 32-bit hashes in a Map<number, ...>. Entry objects
// are not kept: a hit reports the entry id and list.
import { normaliseName, tokensText, Role, type NameToken } from './normalise.js';
import {
  DEFAULT_THRESHOLD,
  DEFAULT_WEAK_THRESHOLD,
  SCORING,
  bestDob,
  compareDob,
  dobCorroborates,
  dobDelta,
  dobText,
  packDate,
  scoreName,
  stripParticlePrefix,
  tokenInfo,
  tokenSimilarity,
  tokenSimilarityHow,
  unmatchedCost,
  mayJoin,
  type DobKind,
  type NameScore,
  type ScoredToken,
  type TokenInfo,
} from './score.js';
import { variantGroups } from './variants.js';
import { GrowU32, PackedLists, VocabMarks, deletions, h32, popcount, pushTo, yearBucket } from './structures.js';
import type { Hit, MatchOptions, MatchReason, NameRole, ScreeningQuery, WatchlistEntry } from './types.js';
import { TokenPairs, pairReadPlan } from './pairs.js';
import { normalizeDocumentNumber } from '../identity/names.js';

export { DEFAULT_THRESHOLD, DEFAULT_WEAK_THRESHOLD } from './score.js';

/** Knobs of candidate generation (see README). */
export const INDEX_LIMITS = {
  /** A token with more names than this also gets postings per birth year, read when the query has a date of birth. */
  frequentToken: 64,
  /** Without a birth date, a query token whose postings stay under this is read whole. */
  rareBudget: 1000,
  /** Most names enumerated for one query token when nothing narrower is available. */
  scanCap: 200_000,
  /** Joined/split forms must be at least this similar to a vocabulary token. */
  joinMatch: 0.9,
  /** Query tokens (and, apart, joined forms) whose reach in the vocabulary is remembered (cleared when full). */
  tokenCache: 100_000,
  /** Query tokens whose similarities to vocabulary tokens are remembered, and how many each (at most 2M numbers in all). */
  simMemoTokens: 2000,
  simMemoPerToken: 1000,
  /** Most pair searches (similar tokens of one query token times those of another) in a plan; 0: no pairs. */
  pairLookups: 10_000,
  /** What one pair search (a binary search in a token's partners) costs against reading one plain posting. */
  pairLookupCost: 0.3,
  /** What stepping over one partner of a token costs against reading one plain posting (memory read in order). */
  pairWalkCost: 0.02,
};

const FLAG_PARTICLE = 4;
const FLAG_OPTIONAL = 8;
const FLAG_ESSENTIAL = 16;
/** The most that birth date and nationality can add (SCORING.dob.equal + nationalityEqual). */
const MAX_EVIDENCE = SCORING.dob.equal + SCORING.nationalityEqual;

interface QueryName {
  tokens: NameToken[];
  infos: TokenInfo[];
  scored: ScoredToken[];
  /** bit of each token (particles: 0) */
  bits: number[];
  need: number;
  /** what each token costs when left unmatched, with two or more pairs made and with fewer */
  cost2: number[];
  cost1: number[];
}

/** What one query token reaches in the vocabulary (see reach). */
interface TokenReach {
  /** [id, similarity, id, similarity, ...] */
  similar: number[];
  /** ids of known tokens it splits into, each marked as fully similar */
  split: number[];
}

interface Best {
  name: NameScore;
  qn: QueryName;
  nameIdx: number;
  rank: number;
  score: number;
  strength: Hit['strength'];
  dob: DobKind;
  nat: 'equal' | 'differs' | 'none';
  doc: boolean;
}

export class WatchlistIndex {
  // vocabulary
  private vocab = new Map<string, number>();
  private vocabText: string[] = [];
  private vocabAbjad: number[] = [];
  // names
  private nameEntry = new GrowU32();
  private nameTokStart = new GrowU32();
  private tokIds = new GrowU32();
  private tokFlags: Uint8Array = new Uint8Array(1024);
  // entries
  private entryIdList: string[] = [];
  private idPool = '';
  private idOff: Uint32Array = new Uint32Array(0);
  private entryList = new GrowU32();
  private lists: string[] = [];
  private listIdx = new Map<string, number>();
  private dobStart = new GrowU32();
  private dobs = new GrowU32();
  private natStart = new GrowU32();
  private nats = new GrowU32();
  private natCodes = new Map<string, number>();
  private validFrom = new GrowU32();
  private validTo = new GrowU32();
  private docList: string[] = [];
  private docEntryG = new GrowU32();
  private docPool = '';
  private docOff: Uint32Array = new Uint32Array(0);
  private docEntry: Uint32Array = new Uint32Array(0);
  private docs = new PackedLists();
  // built
  private built = false;
  private nameEntryA: Uint32Array = new Uint32Array(0);
  private nameTokStartA: Uint32Array = new Uint32Array(0);
  private tokIdsA: Uint32Array = new Uint32Array(0);
  private dobStartA: Uint32Array = new Uint32Array(0);
  private dobsA: Uint32Array = new Uint32Array(0);
  private natStartA: Uint32Array = new Uint32Array(0);
  private natsA: Uint32Array = new Uint32Array(0);
  private entryListA: Uint32Array = new Uint32Array(0);
  private validFromA: Uint32Array = new Uint32Array(0);
  private validToA: Uint32Array = new Uint32Array(0);
  private postStart: Uint32Array = new Uint32Array(0);
  private postings: Uint32Array = new Uint32Array(0);
  private yearPost = new PackedLists();
  private keys = new PackedLists();
  private infos: TokenInfo[] = [];
  private dobIndex = new PackedLists();
  private pairs = new TokenPairs();
  /** entry -> its first name (names of an entry are contiguous), CSR */
  private entryNameStart: Uint32Array = new Uint32Array(1);
  private stamp: Uint32Array = new Uint32Array(0);
  private marks = new VocabMarks(0);
  private tokenCache = new Map<string, TokenReach>();
  private joinCache = new Map<string, number[]>();
  private infoCache = new Map<string, TokenInfo>();
  /** Per query token text: its similarity to vocabulary tokens compared so far (the same pairs recur all day). */
  private simMemo = new Map<string, Map<number, number>>();
  private sortScratch = new Float64Array(1024);
  private epoch = 0;
  /** How many names at the start of enumerate's answer belong to entries reached by birth date or document. */
  private extraNameCount = 0;
  /** Whether any entry has validity dates (else the check is skipped). */
  private hasValidity = false;
  /** Counters of the last match (for benchmarks): names enumerated, fully scored. */
  lastStats = { candidates: 0, scored: 0, vocabMs: 0, enumMs: 0, hitsMs: 0, best: 0, prepMs: 0, vocabChecked: 0 };

  /** Forgets the remembered query tokens (benchmarks use it to time each pass cold). */
  clearCaches(): void {
    this.tokenCache.clear();
    this.joinCache.clear();
    this.infoCache.clear();
    this.simMemo.clear();
  }

  /** Number of entries and names added. */
  get entryCount(): number {
    return this.built ? this.idOff.length - 1 : this.entryIdList.length;
  }
  get nameCount(): number {
    return this.nameEntry.n;
  }
  get vocabularySize(): number {
    return this.vocabText.length;
  }

  add(entry: WatchlistEntry): void {
    if (this.built) throw new Error('WatchlistIndex: add after build');
    const e = this.entryIdList.length;
    this.entryIdList.push(entry.id);
    let li = this.listIdx.get(entry.list);
    if (li === undefined) {
      li = this.lists.length;
      this.lists.push(entry.list);
      this.listIdx.set(entry.list, li);
    }
    this.entryList.push(li);
    this.dobStart.push(this.dobs.n);
    for (const d of entry.datesOfBirth ?? []) {
      const p = packDate(d);
      if (p) this.dobs.push(p);
    }
    this.natStart.push(this.nats.n);
    for (const n of entry.nationalities ?? []) {
      const k = n.trim().toUpperCase();
      let c = this.natCodes.get(k);
      if (c === undefined) {
        c = this.natCodes.size + 1;
        this.natCodes.set(k, c);
      }
      this.nats.push(c);
    }
    this.validFrom.push(packDate(entry.validFrom));
    this.validTo.push(packDate(entry.validTo));
    for (const d of entry.documentNumbers ?? []) {
      const k = normalizeDocumentNumber(d);
      if (!k) continue;
      this.docList.push(k);
      this.docEntryG.push(e);
    }
    for (const name of entry.names) {
      const tokens = normaliseName(name);
      if (tokens.length === 0) continue;
      this.nameEntry.push(e);
      this.nameTokStart.push(this.tokIds.n);
      for (const t of tokens) {
        let id = this.vocab.get(t.text);
        if (id === undefined) {
          id = this.vocabText.length;
          this.vocab.set(t.text, id);
          this.vocabText.push(t.text);
          this.vocabAbjad.push(t.abjad ? 1 : 0);
        } else if (t.abjad) this.vocabAbjad[id] = 1;
        if (this.tokIds.n === this.tokFlags.length) {
          const f = new Uint8Array(this.tokFlags.length * 2);
          f.set(this.tokFlags);
          this.tokFlags = f;
        }
        this.tokFlags[this.tokIds.n] = t.role | (t.particle ? FLAG_PARTICLE : 0) | (t.optional ? FLAG_OPTIONAL : 0) | (t.essential ? FLAG_ESSENTIAL : 0);
        this.tokIds.push(id);
      }
    }
  }

  /** Builds postings and keys; call once after the last add. */
  build(): void {
    if (this.built) return;
    this.built = true;
    this.nameTokStart.push(this.tokIds.n);
    this.dobStart.push(this.dobs.n);
    this.natStart.push(this.nats.n);
    this.nameEntryA = this.nameEntry.trim();
    this.nameTokStartA = this.nameTokStart.trim();
    this.tokIdsA = this.tokIds.trim();
    this.tokFlags = this.tokFlags.slice(0, this.tokIds.n);
    this.dobStartA = this.dobStart.trim();
    this.dobsA = this.dobs.trim();
    this.natStartA = this.natStart.trim();
    this.natsA = this.nats.trim();
    this.entryListA = this.entryList.trim();
    this.validFromA = this.validFrom.trim();
    this.validToA = this.validTo.trim();
    for (const g of [this.nameEntry, this.nameTokStart, this.tokIds, this.dobStart, this.dobs, this.natStart, this.nats, this.entryList, this.validFrom, this.validTo]) {
      g.a = new Uint32Array(0);
    }
    const V = this.vocabText.length;
    const N = this.nameEntryA.length;
    const E = this.entryIdList.length;

    // Entry ids and document numbers: one string each, with offsets.
    this.idOff = new Uint32Array(E + 1);
    for (let e = 0, at = 0; e < E; e++) {
      at += this.entryIdList[e].length;
      this.idOff[e + 1] = at;
    }
    this.idPool = this.entryIdList.join('');
    this.entryIdList = [];
    this.docOff = new Uint32Array(this.docList.length + 1);
    const docMap = new Map<number, number | number[]>();
    for (let i = 0, at = 0; i < this.docList.length; i++) {
      at += this.docList[i].length;
      this.docOff[i + 1] = at;
      pushTo(docMap, h32('D', this.docList[i]), i);
    }
    this.docPool = this.docList.join('');
    this.docList = [];
    this.docEntry = this.docEntryG.trim();
    this.docEntryG.a = new Uint32Array(0);
    this.docs = PackedLists.from(docMap);

    // Postings (CSR): vocabulary token -> names, ascending.
    const count = new Uint32Array(V + 1);
    for (let i = 0; i < this.tokIdsA.length; i++) count[this.tokIdsA[i] + 1]++;
    for (let v = 0; v < V; v++) count[v + 1] += count[v];
    this.postStart = count.slice();
    const fill = count;
    this.postings = new Uint32Array(this.tokIdsA.length);
    for (let n = 0; n < N; n++) {
      for (let k = this.nameTokStartA[n]; k < this.nameTokStartA[n + 1]; k++) {
        this.postings[fill[this.tokIdsA[k]]++] = n;
      }
    }

    // Frequent tokens: postings per birth year bucket (0: no date of birth).
    const tmp = new Map<number, number | number[]>();
    for (let v = 0; v < V; v++) {
      const s = this.postStart[v];
      const e = this.postStart[v + 1];
      if (e - s <= INDEX_LIMITS.frequentToken) continue;
      for (let p = s; p < e; p++) {
        const n = this.postings[p];
        const ent = this.nameEntryA[n];
        const ds = this.dobStartA[ent];
        const de = this.dobStartA[ent + 1];
        let last = -1;
        if (ds === de) pushTo(tmp, v * 256, n);
        for (let d = ds; d < de; d++) {
          const b = yearBucket(Math.floor(this.dobsA[d] / 10000));
          if (b !== last) pushTo(tmp, v * 256 + b, n);
          last = b;
        }
      }
    }
    this.yearPost = PackedLists.from(tmp);
    tmp.clear();

    // Keys over the vocabulary.
    this.infos = new Array(V);
    const keys = new Map<number, number | number[]>();
    const put = (h: number, v: number) => pushTo(keys, h, v);
    for (let v = 0; v < V; v++) {
      const t = this.vocabText[v];
      const info = tokenInfo(t, this.vocabAbjad[v] === 1);
      this.infos[v] = info;
      for (const key of this.keysOf(info, true)) put(key, v);
    }
    this.keys = PackedLists.from(keys);
    keys.clear();

    // Entries by full date of birth.
    const byDob = new Map<number, number | number[]>();
    for (let e = 0; e < E; e++) {
      for (let d = this.dobStartA[e]; d < this.dobStartA[e + 1]; d++) {
        const p = this.dobsA[d];
        if (p % 10000 !== 0) pushTo(byDob, p, e);
      }
    }
    this.dobIndex = PackedLists.from(byDob);

    // Names by pairs of their tokens (particles apart), and single-token names.
    const bucketsOf = (n: number) => {
      const ent = this.nameEntryA[n];
      const out: number[] = [];
      for (let d = this.dobStartA[ent]; d < this.dobStartA[ent + 1]; d++) {
        const b = yearBucket(Math.floor(this.dobsA[d] / 10000));
        if (!out.includes(b)) out.push(b);
      }
      return out.length > 0 ? out : [0];
    };
    this.pairs = TokenPairs.build(this.nameTokStartA, this.tokIdsA, (k) => (this.tokFlags[k] & FLAG_PARTICLE) === 0, V, bucketsOf);

    this.entryNameStart = new Uint32Array(E + 1);
    for (let n = 0; n < N; n++) this.entryNameStart[this.nameEntryA[n] + 1]++;
    for (let e = 0; e < E; e++) this.entryNameStart[e + 1] += this.entryNameStart[e];
    this.stamp = new Uint32Array(N);
    this.marks = new VocabMarks(V);
    this.hasValidity = this.validFromA.some((d) => d !== 0) || this.validToA.some((d) => d !== 0);
  }

  /** Blocking keys of a token (index side adds its deletions; the query side looks them up). */
  private keysOf(info: TokenInfo, indexSide: boolean): number[] {
    const t = info.text;
    const out: number[] = [];
    for (const g of variantGroups(t)) out.push(h32('v', String(g)));
    // Short syllables (WEI, YU) are matched exactly or by the variant table; phonetic codes and
    // deletions of them reach half the vocabulary and pass nothing.
    if (indexSide ? t.length >= 2 : t.length >= 4) {
      if (info.dm1.length >= 2) out.push(h32('m', info.dm1));
      if (info.dm2.length >= 2 && info.dm2 !== info.dm1) out.push(h32('m', info.dm2));
    }
    if (info.slavic.length >= 3) out.push(h32('s', info.slavic));
    // Consonant skeletons: the index files every token under 'k' and abjad tokens also under
    // 'a'; a query from Arabic script reads 'k' (any spelling), a Latin query reads 'a'.
    const skelKind = indexSide ? 'k' : info.abjad ? 'k' : 'a';
    if (info.skel.length >= 2) {
      out.push(h32(skelKind, info.skel));
      if (indexSide && info.abjad) out.push(h32('a', info.skel));
    }
    // Arabic script: the article is often written joined (الدوسري -> "ldwsry").
    if (info.abjad && info.skel.length >= 4 && info.skel[0] === 'L') {
      out.push(h32(skelKind, info.skel.slice(1)));
      if (indexSide) out.push(h32('a', info.skel.slice(1)));
    }
    if (indexSide) {
      if (t.length >= 4) for (const d of deletions(t)) out.push(h32('d', d));
      const s = stripParticlePrefix(t);
      if (s) out.push(h32('x', s));
    }
    return out;
  }

  private lookup(h: number, into: Set<number>): void {
    this.keys.each(h, (v) => into.add(v));
  }

  /** Vocabulary tokens reachable from a query token through any key. */
  private candidatesOf(info: TokenInfo): Set<number> {
    const out = new Set<number>();
    const t = info.text;
    const exact = this.vocab.get(t);
    if (exact !== undefined) out.add(exact);
    for (const h of this.keysOf(info, false)) this.lookup(h, out);
    // A known token one letter longer (TAG -> TANG, RAI -> RAVI).
    if (t.length >= 3) this.lookup(h32('d', t), out);
    if (t.length >= 4) {
      for (const d of deletions(t)) {
        const x = this.vocab.get(d);
        if (x !== undefined) out.add(x);
        this.lookup(h32('d', d), out);
      }
    }
    this.lookup(h32('x', t), out);
    const s = stripParticlePrefix(t);
    if (s) {
      const x = this.vocab.get(s);
      if (x !== undefined) out.add(x);
    }
    return out;
  }

  private prepare(name: ScreeningQuery['names'][number]): QueryName | null {
    const tokens = normaliseName(name);
    if (tokens.length === 0) return null;
    const infos = tokens.map((t) => this.queryInfo(t.text, t.abjad));
    const scored = tokens.map((t, i) => ({ info: infos[i], role: t.role, particle: t.particle, optional: t.optional, essential: t.essential }));
    const bits: number[] = [];
    let b = 0;
    for (const t of tokens) bits.push(t.particle ? 0 : 1 << Math.min(b++, 30));
    const cost2 = tokens.map((t) => (t.particle ? 0 : unmatchedCost(t.text, t.essential, t.optional, 2)));
    const cost1 = tokens.map((t) => (t.particle ? 0 : unmatchedCost(t.text, t.essential, t.optional, 1)));
    return { tokens, infos, scored, bits, need: Math.min(2, b), cost2, cost1 };
  }

  /** Screens one person; hits best first. */
  match(query: ScreeningQuery, options: MatchOptions = {}): Hit[] {
    if (!this.built) this.build();
    const qDob = packDate(query.dateOfBirth);
    const qYear = Math.floor(qDob / 10000);
    const qNats = new Set(
      (Array.isArray(query.nationality) ? query.nationality : query.nationality ? [query.nationality] : [])
        .map((n) => this.natCodes.get(n.trim().toUpperCase()) ?? -1),
    );
    const qDocs = (query.documentNumbers ?? []).map(normalizeDocumentNumber).filter(Boolean);
    const at = packDate(options.at);
    const limit = options.limit ?? 10;
    const weakThreshold = options.weakThreshold ?? DEFAULT_WEAK_THRESHOLD;
    let minThreshold = options.threshold ?? DEFAULT_THRESHOLD;
    for (const t of Object.values(options.thresholds ?? {})) minThreshold = Math.min(minThreshold, t);
    // a score is rounded to three decimals before it meets the threshold: a bound may be that much under
    const boundFloor = minThreshold - 0.0005;

    this.lastStats = { candidates: 0, scored: 0, vocabMs: 0, enumMs: 0, hitsMs: 0, best: 0, prepMs: 0, vocabChecked: 0 };
    const tPrep = performance.now();
    const qns: QueryName[] = [];
    for (const n of query.names) {
      const qn = this.prepare(n);
      if (qn) qns.push(qn);
    }

    // Entries reached by date of birth or document: scored whatever their names.
    const extraEntries = new Set<number>();
    if (qDob % 10000 !== 0) {
      this.entriesByDob(qDob, extraEntries);
      const m = Math.floor((qDob % 10000) / 100);
      const d = qDob % 100;
      if (d <= 12 && d !== m) this.entriesByDob(Math.floor(qDob / 10000) * 10000 + d * 100 + m, extraEntries);
    }
    const docEntries = new Set<number>();
    for (const d of qDocs) {
      this.docs.each(h32('D', d), (i) => {
        if (this.docPool.slice(this.docOff[i], this.docOff[i + 1]) === d) docEntries.add(this.docEntry[i]);
      });
    }
    for (const e of docEntries) extraEntries.add(e);

    this.lastStats.prepMs = performance.now() - tPrep;

    // 1. Candidates with a bound on the score they can reach.
    const candN: number[] = [];
    const candBound: number[] = [];
    const candQ: number[] = [];
    for (let qi = 0; qi < qns.length; qi++) {
      const qn = qns[qi];
      const vmask = this.marks;
      vmask.reset();
      const t0 = performance.now();
      this.collectVocab(qn, vmask);
      const t1 = performance.now();
      // Reading only the years around the query's is lossless while an entry born further away
      // cannot reach the threshold (name 1 + nationality + SCORING.dob.differs < threshold).
      const narrow = minThreshold > 1 + SCORING.nationalityEqual + SCORING.dob.differs ? qYear : 0;
      const cands = this.enumerate(qn, vmask, narrow, extraEntries);
      const t2 = performance.now();
      this.lastStats.vocabMs += t1 - t0;
      this.lastStats.enumMs += t2 - t1;
      this.lastStats.candidates += cands.length;
      const nq = qn.bits.filter((b) => b !== 0).length;
      // Query tokens each with a bit of their own (up to 31): those whose bit a name lacks are
      // surely unmatched and pay their own cost in the bound.
      const ownBits = qn.tokens.length <= 31;
      const minCost2 = Math.min(SCORING.missingToken, ...qn.cost2.filter((_, i) => qn.bits[i] !== 0));
      const minCost1 = Math.min(SCORING.missingToken, ...qn.cost1.filter((_, i) => qn.bits[i] !== 0));
      const abd = this.vocab.get('ABD') ?? -1;
      const queryParticles = qn.tokens.length - nq;
      // Names of entries reached by birth date or document come first in cands (see enumerate).
      const extraNames = this.extraNameCount;
      const checkValidity = at !== 0 && this.hasValidity;
      for (let ci = 0; ci < cands.length; ci++) {
        const n = cands[ci];
        // The name first: it turns most candidates away and reads only the name's own tokens.
        // The best similarity each of its tokens can give, and the penalties it must pay.
        const s0 = this.nameTokStartA[n];
        const s1 = this.nameTokStartA[n + 1];
        let m = 0;
        let entryTokens = 0;
        let marked = 0;
        let covers = 0;
        let simSum = 0;
        // what the entry's unmarked tokens cost, surely unmatched (with >= 2 pairs / fewer)
        let eCost2 = 0;
        let eCost1 = 0;
        let entryParticles = 0;
        for (let k = s0; k < s1; k++) {
          const f = this.tokFlags[k];
          if (f & FLAG_PARTICLE) {
            entryParticles++;
            continue;
          }
          entryTokens++;
          const v = this.tokIdsA[k];
          const mv = vmask.maskOf(v);
          if (mv === 0) {
            if (v !== abd) {
              eCost2 += f & FLAG_ESSENTIAL ? SCORING.missingToken : f & FLAG_OPTIONAL ? SCORING.missingOptional : SCORING.missingMiddle;
              eCost1 += SCORING.missingToken;
            }
            continue;
          }
          marked++;
          m |= mv;
          // One entry token pairs with one query token, unless it is a joined form.
          const c = vmask.joined[v] ? popcount(mv) : 1;
          covers += c;
          simSum += vmask.best[v] * c;
        }
        const matched = Math.min(popcount(m), covers);
        // Too few tokens matched: only an entry reached by birth date or document stays.
        const extra = ci < extraNames;
        if ((matched === 0 || matched < Math.min(qn.need, entryTokens)) && !extra) continue;
        const ent = this.nameEntryA[n];
        if (checkValidity && ((this.validFromA[ent] && at < this.validFromA[ent]) || (this.validToA[ent] && at > this.validToA[ent]))) continue;
        if (docEntries.size > 0 && docEntries.has(ent)) {
          candN.push(n);
          candBound.push(2);
          candQ.push(qi);
          continue;
        }
        if (matched === 0) continue;
        // Split and joined tokens pair one with two, so count marked entry tokens as used.
        // Loose: every unmatched token at the cheapest cost a missing token can have. Tight:
        // tokens surely unmatched (by the marks) at their own cost; it holds unless a token
        // pairs beyond the marks.
        const loosePen = (matched >= 2 ? Math.min(SCORING.missingMiddle, SCORING.missingOptional) : SCORING.missingToken) * (Math.max(0, nq - matched) + (entryTokens - marked));
        let penalties = loosePen;
        if (ownBits) {
          const two = matched >= 2;
          let qOut = 0;
          penalties = two ? eCost2 : eCost1;
          for (let i = 0; i < qn.bits.length; i++) {
            const bit = qn.bits[i];
            if (bit === 0 || m & bit) continue;
            qOut++;
            penalties += two ? qn.cost2[i] : qn.cost1[i];
          }
          // tokens whose bit the name has may still be left unpaired: the cheapest cost each
          penalties += Math.max(0, nq - matched - qOut) * (two ? minCost2 : minCost1);
        }
        // particles paired with the same particle add their small weight above and below
        const particlePairs = Math.min(queryParticles, entryParticles) * SCORING.particleWeight;
        const top = Math.min(simSum, matched) + particlePairs;
        const looseBound = top / (matched + loosePen + particlePairs);
        if (looseBound + MAX_EVIDENCE < boundFloor) continue;
        const evidence = this.evidenceBound(ent, qDob, qNats);
        if (looseBound + evidence < boundFloor) continue;
        let bound = top / (matched + Math.max(loosePen, penalties) + particlePairs) + evidence;
        if (bound < boundFloor) {
          if (!this.mayPairBeyondMarks(qn, s0, s1, m, vmask)) continue;
          bound = looseBound + evidence;
        }
        candN.push(n);
        candBound.push(Math.min(1, bound));
        candQ.push(qi);
      }
    }

    // 2. Full scores, best bound first, until no candidate left can enter the top `limit`.
    // Rank: score to three decimals, a strong hit just above a weak one of the same score.
    const STRONG = 0.0005;
    // Sort by bound, descending: bound (to 1e-6) and index packed into one float64.
    if (this.sortScratch.length < candN.length) this.sortScratch = new Float64Array(candN.length * 2);
    const keys = this.sortScratch.subarray(0, candN.length);
    for (let i = 0; i < candN.length; i++) keys[i] = Math.round((2 - candBound[i]) * 1e6) * 2097152 + i;
    keys.sort();
    const order: number[] = [];
    for (let i = 0; i < keys.length; i++) order.push(keys[i] % 2097152);
    const best = new Map<number, Best>();
    const top: number[] = [];
    const eScored: ScoredToken[] = [];
    // One similarity function for every candidate (no closure per candidate): the current
    // candidate's first token and query name, and that name's remembered similarities.
    const qnSims = qns.map((q) => q.infos.map((info) => this.simsOf(info)));
    let curSims = qnSims[0] ?? [];
    let curQn = qns[0];
    let curS0 = 0;
    const simOf = (i: number, j: number) => this.similarity(curSims[i], curQn.infos[i], this.tokIdsA[curS0 + j]);
    for (const ci of order) {
      if (top.length >= limit && candBound[ci] + STRONG < top[limit - 1]) break;
      const n = candN[ci];
      const qn = qns[candQ[ci]];
      const s0 = this.nameTokStartA[n];
      curSims = qnSims[candQ[ci]];
      curQn = qn;
      curS0 = s0;
      const s1 = this.nameTokStartA[n + 1];
      const ent = this.nameEntryA[n];
      this.lastStats.scored++;
      eScored.length = 0;
      for (let k = s0; k < s1; k++) {
        const f = this.tokFlags[k];
        eScored.push({ info: this.infos[this.tokIdsA[k]], role: (f & 3) as Role, particle: (f & FLAG_PARTICLE) !== 0, optional: (f & FLAG_OPTIONAL) !== 0, essential: (f & FLAG_ESSENTIAL) !== 0 });
      }
      const ns = scoreName(qn.scored, eScored, simOf);
      const list = this.lists[this.entryListA[ent]];
      const threshold = options.thresholds?.[list] ?? options.threshold ?? DEFAULT_THRESHOLD;
      const dob = bestDob(qDob, this.dobsA.subarray(this.dobStartA[ent], this.dobStartA[ent + 1]));
      let score = ns.score + dobDelta(dob);
      let nat: 'equal' | 'differs' | 'none' = 'none';
      const nsI = this.natStartA[ent];
      const neI = this.natStartA[ent + 1];
      if (qNats.size > 0 && neI > nsI) {
        nat = 'differs';
        for (let k = nsI; k < neI; k++) if (qNats.has(this.natsA[k])) nat = 'equal';
        score += nat === 'equal' ? SCORING.nationalityEqual : SCORING.nationalityDiffers;
      }
      const doc = docEntries.has(ent);
      if (doc) score = Math.max(score + SCORING.documentBonus, SCORING.documentFloor);
      score = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
      if (score < threshold) continue;
      const strength: Hit['strength'] = doc || dobCorroborates(dob) ? 'strong' : 'weak';
      if (strength === 'weak' && score < weakThreshold) continue;
      const rank = score + (strength === 'strong' ? STRONG : 0);
      const prev = best.get(ent);
      if (prev && prev.rank >= rank) continue;
      if (prev) top.splice(top.indexOf(prev.rank), 1);
      best.set(ent, { name: ns, qn, nameIdx: n, rank, score, strength, dob, nat, doc });
      let i = top.length;
      top.push(rank);
      while (i > 0 && top[i - 1] < rank) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = rank;
    }

    const tHits = performance.now();
    const ranked = [...best.entries()].sort((a, b) => b[1].rank - a[1].rank || a[0] - b[0]);
    const hits: Hit[] = ranked.slice(0, limit).map(([e, h]) => ({
      entity: this.idPool.slice(this.idOff[e], this.idOff[e + 1]),
      list: this.lists[this.entryListA[e]],
      score: h.score,
      strength: h.strength,
      ...this.explain(h, h.dob, h.nat, h.doc),
      matchedName: this.nameText(h.nameIdx),
    }));
    this.lastStats.hitsMs = performance.now() - tHits;
    this.lastStats.best = best.size;
    return hits;
  }

  /**
   * Whether a name's tokens may pair beyond what the marks say: an unmarked entry token, or a
   * query token none of the name's tokens is marked for, at least `tokenMatch` similar to a
   * token of the other side (blocking keys do not find every such pair), or a token written
   * joined on one side that may stand for two or three of the other (SEON ~ SEO+NA).
   */
  private mayPairBeyondMarks(qn: QueryName, s0: number, s1: number, m: number, vmask: VocabMarks): boolean {
    for (let k = s0; k < s1; k++) {
      if (this.tokFlags[k] & FLAG_PARTICLE) continue;
      const v = this.tokIdsA[k];
      const marked = vmask.maskOf(v) !== 0;
      for (let i = 0; i < qn.tokens.length; i++) {
        if (qn.bits[i] === 0 || (marked && m & qn.bits[i])) continue;
        if (this.similarity(this.simsOf(qn.infos[i]), qn.infos[i], v) >= SCORING.tokenMatch) return true;
      }
    }
    const entry: string[] = [];
    for (let k = s0; k < s1; k++) entry.push(this.vocabText[this.tokIdsA[k]]);
    const query = qn.tokens.map((t) => t.text);
    return mayJoin(query, entry) || mayJoin(entry, query);
  }

  /** Most that date of birth and nationality can add for an entry (documents are scored apart). */
  private evidenceBound(e: number, qDob: number, qNats: Set<number>): number {
    let b = 0;
    const ds = this.dobStartA[e];
    const de = this.dobStartA[e + 1];
    if (qDob !== 0 && de > ds) {
      b = -1;
      for (let d = ds; d < de; d++) b = Math.max(b, dobDelta(compareDob(qDob, this.dobsA[d])));
    }
    const ns = this.natStartA[e];
    const ne = this.natStartA[e + 1];
    if (qNats.size > 0 && ne > ns) {
      let eq = false;
      for (let k = ns; k < ne; k++) if (qNats.has(this.natsA[k])) eq = true;
      b += eq ? SCORING.nationalityEqual : SCORING.nationalityDiffers;
    }
    return b + 1e-9;
  }

  private entriesByDob(p: number, into: Set<number>): void {
    this.dobIndex.each(p, (e) => into.add(e));
  }

  /**
   * What a query token reaches in the vocabulary: similar tokens with their similarity, and
   * the known tokens it splits into. The same names come back all day (WANG, MUHAMMAD), so the
   * answer is kept per token text in a bounded cache; it depends only on the built index, so
   * it is never stale.
   */
  private reach(info: TokenInfo): TokenReach {
    const key = (info.abjad ? '#' : '') + info.text;
    const hit = this.tokenCache.get(key);
    if (hit) return hit;
    const found = this.candidatesOf(info);
    // ALZAHRAXI: the rest after a particle, found fuzzily too.
    const stripped = this.vocab.has(info.text) ? null : stripParticlePrefix(info.text);
    if (stripped) for (const v of this.candidatesOf(tokenInfo(stripped))) found.add(v);
    // [id, similarity, id, similarity, ...]: one small array per token for the collector.
    const similar: number[] = [];
    const memo = this.simsOf(info);
    for (const v of found) {
      this.lastStats.vocabChecked++;
      const sim = tokenSimilarity(info, this.infos[v]);
      similar.push(v, sim);
      memo.set(v, sim);
    }
    const out = { similar, split: this.splits(info.text) };
    this.remember(key, out);
    return out;
  }

  /** Known tokens a token splits into: ZHANGWEI -> ZHANG + WEI, CHOECHANGYEONG -> CHOE + CHANG + YEONG. */
  private splits(t: string): number[] {
    const out: number[] = [];
    if (t.length < 4) return out;
    const known = this.vocab.has(t);
    for (let k = 2; k <= t.length - 2; k++) {
      const a = this.vocab.get(t.slice(0, k));
      if (a === undefined) continue;
      const rest = t.slice(k);
      const b = this.vocab.get(rest);
      if (b !== undefined) out.push(a, b);
      for (let k2 = 2; !known && k2 <= rest.length - 2; k2++) {
        const c = this.vocab.get(rest.slice(0, k2));
        if (c === undefined) continue;
        const d = this.vocab.get(rest.slice(k2));
        if (d === undefined) continue;
        out.push(a, c, d);
      }
    }
    return out;
  }

  /** Vocabulary tokens like a joined form of query tokens (ZHANG WEI -> ZHANGWEI), [id, similarity, ...]; cached as tokens are. */
  private joinedReach(form: string): number[] {
    const hit = this.joinCache.get(form);
    if (hit) return hit;
    const found = new Set<number>();
    const x = this.vocab.get(form);
    if (x !== undefined) found.add(x);
    this.lookup(h32('d', form), found);
    for (const d of deletions(form)) {
      const y = this.vocab.get(d);
      if (y !== undefined) found.add(y);
      this.lookup(h32('d', d), found);
    }
    const out: number[] = [];
    if (found.size > 0) {
      const info = tokenInfo(form);
      for (const v of found) {
        const js = tokenSimilarity(info, this.infos[v]);
        if (js >= INDEX_LIMITS.joinMatch) out.push(v, js);
      }
    }
    // apart from the tokens: pairs of names rarely recur, and would push the tokens out
    if (this.joinCache.size >= INDEX_LIMITS.tokenCache) this.joinCache.clear();
    this.joinCache.set(form, out);
    return out;
  }

  /** The keys of a query token, kept like its reach (the double metaphone is not cheap). */
  private queryInfo(text: string, abjad: boolean): TokenInfo {
    const key = (abjad ? '#' : '') + text;
    let info = this.infoCache.get(key);
    if (!info) {
      info = tokenInfo(text, abjad);
      if (this.infoCache.size >= INDEX_LIMITS.tokenCache) this.infoCache.clear();
      this.infoCache.set(key, info);
    }
    return info;
  }

  /** The remembered similarities of a query token to vocabulary tokens (bounded like the other caches). */
  private simsOf(info: TokenInfo): Map<number, number> {
    const key = (info.abjad ? '#' : '') + info.text;
    let memo = this.simMemo.get(key);
    if (!memo || memo.size > INDEX_LIMITS.simMemoPerToken) {
      if (this.simMemo.size >= INDEX_LIMITS.simMemoTokens) this.simMemo.clear();
      memo = new Map();
      this.simMemo.set(key, memo);
    }
    return memo;
  }

  /** A query token's similarity to vocabulary token v, from its remembered ones or computed and remembered. */
  private similarity(memo: Map<number, number>, info: TokenInfo, v: number): number {
    let sim = memo.get(v);
    if (sim === undefined) {
      sim = tokenSimilarity(info, this.infos[v]);
      memo.set(v, sim);
    }
    return sim;
  }

  private remember(key: string, value: TokenReach): void {
    if (this.tokenCache.size >= INDEX_LIMITS.tokenCache) this.tokenCache.clear();
    this.tokenCache.set(key, value);
  }

  /** Vocabulary tokens similar to each query token, with the query-token bits they satisfy. */
  private collectVocab(qn: QueryName, vmask: VocabMarks): void {
    const { tokens, infos, bits } = qn;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].particle) continue;
      const { similar, split } = this.reach(infos[i]);
      for (let k = 0; k < similar.length; k += 2) {
        const v = similar[k];
        const s = similar[k + 1];
        if (s >= SCORING.tokenMatch) vmask.or(v, bits[i], s);
      }
      for (let k = 0; k < split.length; k++) vmask.or(split[k], bits[i], 1);
    }
    // Joined: ZHANG WEI -> ZHANGWEI / WEIZHANG; AL RASHID -> ALRASHID; VAN DER BERG -> VANDERBERG.
    for (let i = 0; i + 1 < tokens.length; i++) {
      const m2 = bits[i] | bits[i + 1];
      if (m2 !== 0) {
        this.markJoined(vmask, tokens[i].text + tokens[i + 1].text, m2);
        this.markJoined(vmask, tokens[i + 1].text + tokens[i].text, m2);
      }
      if (i + 2 < tokens.length && (tokens[i].particle || tokens[i + 1].particle)) {
        const m3 = m2 | bits[i + 2];
        if (m3 !== 0) this.markJoined(vmask, tokens[i].text + tokens[i + 1].text + tokens[i + 2].text, m3);
      }
    }
  }

  private markJoined(vmask: VocabMarks, form: string, m: number): void {
    const found = this.joinedReach(form);
    for (let k = 0; k < found.length; k += 2) vmask.or(found[k], m, found[k + 1], true);
  }

  /** Candidate names from postings: rare tokens whole, frequent ones by birth year. */
  private enumerate(qn: QueryName, vmask: VocabMarks, qYear: number, extra: Set<number>): number[] {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const ep = this.epoch;
    const stamp = this.stamp;
    const out: number[] = [];
    const mark = (n: number) => {
      if (stamp[n] !== ep) {
        stamp[n] = ep;
        out.push(n);
      }
    };
    for (const e of extra) for (let n = this.entryNameStart[e]; n < this.entryNameStart[e + 1]; n++) mark(n);
    const before = out.length;
    this.extraNameCount = before;
    const perBit = new Map<number, number[]>();
    const total = new Map<number, number>();
    for (const v of vmask.touched) {
      const m = vmask.mask[v];
      let mm = m;
      while (mm) {
        const b = mm & -mm;
        mm ^= b;
        let l = perBit.get(b);
        if (!l) perBit.set(b, (l = []));
        l.push(v);
        total.set(b, (total.get(b) ?? 0) + this.postStart[v + 1] - this.postStart[v]);
      }
    }
    // A name must match `need` query tokens. With need 1, every query token's postings are
    // read. With need 2, a name matching two of them either holds one of the tokens whose
    // postings are read whole (the `plain` cheapest) or two of the rest, found by pairs.
    const order = [...perBit.keys()].sort((a, b) => (total.get(a) ?? 0) - (total.get(b) ?? 0));
    const plain = qn.need >= 2 ? this.plainCount(order, perBit, qYear) : order.length;
    const read = order.slice(0, Math.max(1, plain));
    if (qn.need >= 2) {
      const bucket = yearBucket(qYear);
      const rest = order.slice(plain);
      for (let i = 0; i < rest.length; i++) {
        for (let j = i + 1; j < rest.length; j++) this.pairs.readBetween(perBit.get(rest[i])!, rest[i], perBit.get(rest[j])!, rest[j], bucket, vmask, mark, INDEX_LIMITS);
      }
      for (const v of vmask.touched) {
        // A single-token name needs one match only; a token standing for two query tokens
        // (ZHANGWEI) may be the only one a name holds.
        this.pairs.eachSingle(v, mark);
        if (vmask.joined[v] && popcount(vmask.mask[v]) >= 2) for (let p = this.postStart[v]; p < this.postStart[v + 1]; p++) mark(this.postings[p]);
      }
      if (plain === 0) return out;
    }
    const deferred: number[] = [];
    for (const b of read) {
      const vs = perBit.get(b)!;
      const rare = (total.get(b) ?? 0) <= INDEX_LIMITS.rareBudget;
      for (const v of vs) {
        const s = this.postStart[v];
        const e = this.postStart[v + 1];
        if (e - s <= INDEX_LIMITS.frequentToken || (rare && qYear === 0)) {
          for (let p = s; p < e; p++) mark(this.postings[p]);
        } else if (qYear > 0) {
          // With a birth date, entries born more than a year away cannot reach a threshold
          // (SCORING.dob.differs), so a common token is read for the years around it only.
          const yb = yearBucket(qYear);
          for (const k of [0, yb - 1, yb, yb + 1]) {
            if (k < 0 || (k === 0 && yb === 0)) continue;
            this.yearPost.each(v * 256 + k, mark);
          }
        } else deferred.push(v);
      }
    }
    if (out.length === before && deferred.length > 0) {
      // Every query token is common and there is no birth date: read the smallest list.
      deferred.sort((a, b) => this.postStart[a + 1] - this.postStart[a] - (this.postStart[b + 1] - this.postStart[b]));
      let budget = INDEX_LIMITS.scanCap;
      for (const v of deferred) {
        for (let p = this.postStart[v]; p < this.postStart[v + 1] && budget > 0; p++, budget--) mark(this.postings[p]);
        if (budget <= 0) break;
      }
    }
    return out;
  }

  /**
   * For a query needing two of its tokens: how many of its query tokens (cheapest first) to read
   * by plain postings, the others being paired. Each plan is priced by the postings it reads
   * (a common token read by years at about a third) and its pair lookups; the cheapest wins.
   * All plains but the last (order.length - 1) is the plan that reads no pairs.
   */
  private plainCount(order: number[], perBit: Map<number, number[]>, qYear: number): number {
    const last = order.length - 1;
    if (last <= 0 || INDEX_LIMITS.pairLookups === 0) return Math.max(0, last);
    const reads = order.map((b) => {
      let c = 0;
      for (const v of perBit.get(b)!) {
        const size = this.postStart[v + 1] - this.postStart[v];
        c += size > INDEX_LIMITS.frequentToken && qYear > 0 ? size / 3 : size;
      }
      return c;
    });
    const groups = order.map((b) => perBit.get(b)!);
    const degrees = groups.map((g) => g.reduce((d, v) => d + this.pairs.degree(v), 0));
    let bestK = last;
    let bestCost = Infinity;
    let readCost = 0;
    for (let k = 0; k <= last; k++) {
      let lookups = 0;
      let cost = readCost;
      for (let i = k; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const pair = pairReadPlan(groups[i].length, degrees[i], groups[j].length, degrees[j], INDEX_LIMITS);
          cost += pair.cost;
          if (pair.searches) lookups += groups[i].length * groups[j].length;
        }
      }
      if (lookups <= INDEX_LIMITS.pairLookups && cost < bestCost) {
        bestCost = cost;
        bestK = k;
      }
      readCost += reads[k];
    }
    return bestK;
  }

  private nameText(n: number): string {
    const parts: string[] = [];
    for (let k = this.nameTokStartA[n]; k < this.nameTokStartA[n + 1]; k++) parts.push(this.vocabText[this.tokIdsA[k]]);
    return parts.join(' ');
  }

  private explain(b: Best, dob: DobKind, nat: 'equal' | 'differs' | 'none', doc: boolean): { explanation: string; reasons: MatchReason[] } {
    const s0 = this.nameTokStartA[b.nameIdx];
    const eText = (j: number) => this.vocabText[this.tokIdsA[s0 + j]];
    const eRole = (j: number) => (this.tokFlags[s0 + j] & 3) as Role;
    const roleName = (r: Role): NameRole => (r === Role.Surname ? 'surname' : r === Role.Given ? 'given' : 'name');
    const parts: string[] = [];
    const reasons: MatchReason[] = [];
    for (const p of b.name.pairs) {
      const q = p.q.map((i) => b.qn.tokens[i].text).join('+');
      const e = p.e.map(eText).join('+');
      if (p.q.length === 1 && p.e.length === 1 && b.qn.tokens[p.q[0]].particle) continue;
      const role = roleName(eRole(p.e[0]) || b.qn.tokens[p.q[0]].role);
      if (p.sim >= 1 && p.how !== 'joined') {
        parts.push(`${role} ${q}=${e}`);
        reasons.push({ kind: 'name', role, query: q, entry: e, similarity: 1, how: 'equal' });
      } else {
        let how: string = p.how;
        if (p.q.length === 1 && p.e.length === 1) how = tokenSimilarityHow(b.qn.infos[p.q[0]], this.infos[this.tokIdsA[s0 + p.e[0]]])[1];
        const note = how === 'spelling' || how === 'equal' ? '' : `, ${how}`;
        parts.push(`${role} ${q}${p.sim >= 1 ? '=' : '≈'}${e} (${p.sim.toFixed(2)}${note})`);
        reasons.push({ kind: 'name', role, query: q, entry: e, similarity: Math.round(p.sim * 100) / 100, how });
      }
    }
    for (const j of b.name.unmatchedEntry) {
      parts.push(`${roleName(eRole(j))} ${eText(j)} not given`);
      reasons.push({ kind: 'name_not_reported', role: roleName(eRole(j)), token: eText(j) });
    }
    for (const i of b.name.unmatchedQuery) {
      parts.push(`${roleName(b.qn.tokens[i].role)} ${b.qn.tokens[i].text} not on the list`);
      reasons.push({ kind: 'name_not_listed', role: roleName(b.qn.tokens[i].role), token: b.qn.tokens[i].text });
    }
    if (dob !== 'none') {
      parts.push(dobText(dob));
      reasons.push({ kind: 'birth_date', result: dob });
    } else {
      parts.push('no birth date to compare');
      reasons.push({ kind: 'no_birth_date' });
    }
    if (nat !== 'none') {
      parts.push(`nationality ${nat}`);
      reasons.push({ kind: 'nationality', result: nat });
    }
    if (doc) {
      parts.push('document number equal');
      reasons.push({ kind: 'document' });
    }
    return { explanation: parts.join(', '), reasons };
  }

  /** Rough bytes held by the typed arrays (for the benchmark; strings and maps not counted). */
  typedBytes(): number {
    return [this.postings, this.postStart, this.tokIdsA, this.nameEntryA, this.nameTokStartA, this.tokFlags, this.dobsA, this.stamp].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }
}


export { normaliseName, tokensText };

// Seeded generator of watchlists and of screening queries for the benchmark.
//
// People are drawn per culture from common real names (in their own script where they have
// one) plus a long tail of composed surnames. Watchlist entries hold the name as a list
// would (Latin, one romanisation, sometimes with the native script or another spelling as
// alias), a full, year-only or missing date of birth, nationality and sometimes a passport.
// Queries re-write a listed person the way reports differ in practice: another script or
// romanisation, typos, swapped order, dropped or added middle names, nicknames and
// spelling variants, day/month swaps. Look-alikes are other people of the same mix, half of
// them sharing a listed person's surname.
import { mulberry32, pick, pickWeighted, randInt, type Rng } from '../../src/domain/random';
import type { ScreeningQuery, WatchlistEntry } from '../../src/domain/matching/types';
import { ARB, CHN, CULTURES, CYRILLIC_SYSTEMS, DEU, ENG, FRA, GRC, IND, JPN, KOR, MYS, NICKNAMES, RUS, VNM, romaniseCyrillic, type Culture } from './names';

export interface Part {
  kind: 'given' | 'middle' | 'surname' | 'connector';
  /** Latin spellings, the first the usual one. */
  forms: string[];
  native?: string;
  nick?: string[];
}

export interface Person {
  culture: Culture;
  nationality: string;
  /** y, m, d */
  dob: [number, number, number];
  parts: Part[];
  /** surname first when written in its own order */
  eastern: boolean;
}

const RUS_DIMINUTIVES: Record<string, string> = {
  Александр: 'Sasha', Дмитрий: 'Dima', Михаил: 'Misha', Николай: 'Kolya', Наталья: 'Natasha', Екатерина: 'Katya', Евгений: 'Zhenya',
  Алексей: 'Alyosha', Владимир: 'Volodya', Мария: 'Masha', Анастасия: 'Nastya', Татьяна: 'Tanya', Иван: 'Vanya', Юлия: 'Yulya',
};

function cyr(s: string, rng: Rng, primary = false): Part['forms'] {
  const en = romaniseCyrillic(s, CYRILLIC_SYSTEMS.en).replace(/iy$/, primary && rng() < 0.5 ? 'i' : 'iy');
  const all = [en, romaniseCyrillic(s, CYRILLIC_SYSTEMS.icao), romaniseCyrillic(s, CYRILLIC_SYSTEMS.de), romaniseCyrillic(s, CYRILLIC_SYSTEMS.fr).replace(/ï/g, 'i')];
  return [...new Set(all)];
}

function weighted(rng: Rng, v: [string, number][]): string[] {
  const first = pickWeighted(rng, v);
  return [first, ...v.map(([n]) => n).filter((n) => n !== first)];
}

/** Japanese long vowels: Sato / Satou / Satoh. */
function jpnForms(s: string): string[] {
  const out = [s];
  if (/o$/.test(s)) out.push(s + 'u', s + 'h');
  if (/[kstgdnhmyr]o[^aeiou]/.test(s.slice(1))) out.push(s.replace(/([kstgdnhmyr])o([^aeiou])/, '$1ou$2'));
  if (/yu[^u]/.test(s)) out.push(s.replace('yu', 'yuu'));
  return out;
}

function deuForms(s: string): string[] {
  const out = [s];
  if (/[äöüß]/i.test(s)) out.push(s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/Ü/g, 'Ue'));
  if (/^(van|von|de|ter) /.test(s)) out.push(s.replace(/ /g, ''), s.charAt(0).toUpperCase() + s.slice(1));
  return out;
}

export function makePerson(rng: Rng): Person {
  const [culture, , nats] = pickWeighted(rng, CULTURES.map((c) => [c, c[1]] as const));
  const female = rng() < 0.35;
  const year = randInt(rng, 1945, 2005);
  const month = randInt(rng, 1, 12);
  const day = randInt(rng, 1, 28);
  const p: Person = { culture, nationality: pick(rng, nats), dob: [year, month, day], parts: [], eastern: false };
  const g = (forms: string[], native?: string, nick?: string[]): Part => ({ kind: 'given', forms, native, nick });
  const s = (forms: string[], native?: string): Part => ({ kind: 'surname', forms, native });
  switch (culture) {
    case 'RUS': {
      const given = pick(rng, female ? RUS.female : RUS.male);
      let sur = rng() < 0.7 ? pick(rng, RUS.surnames) : pick(rng, RUS.roots) + (rng() < 0.5 ? pick(rng, RUS.mids) : '') + pick(rng, RUS.suffixes);
      if (female) sur = sur.replace(/(ов|ев|ин|ёв|цов)$/, '$1а').replace(/ский$/, 'ская');
      const dim = RUS_DIMINUTIVES[given];
      p.parts.push(g(cyr(given, rng, true), given, dim ? [dim] : undefined));
      if (rng() < 0.4) {
        const father = pick(rng, RUS.male).replace(/(й|ь)$/, '');
        const pat = father + (/[аеиоу]$/.test(father) ? '' : female ? 'овна' : 'ович');
        p.parts.push({ kind: 'middle', forms: cyr(pat, rng), native: pat });
      }
      p.parts.push(s(cyr(sur, rng), sur));
      break;
    }
    case 'CHN': {
      const [hs, ps] = pick(rng, CHN.surnames);
      const n = rng() < 0.35 ? 1 : 2;
      const syl = Array.from({ length: n }, () => pick(rng, CHN.given));
      const pin = syl.map((x) => x[1].toLowerCase()).join('');
      const joined = pin.charAt(0).toUpperCase() + pin.slice(1);
      const hyph = syl.map((x) => x[1]).join('-');
      p.parts.push(s([ps], hs), g([joined, hyph, syl.map((x) => x[1]).join(' ')], syl.map((x) => x[0]).join('')));
      p.eastern = true;
      break;
    }
    case 'KOR': {
      const [hs, vs] = pick(rng, KOR.surnames);
      const a = pick(rng, KOR.syllables);
      const b = pick(rng, KOR.syllables);
      const fa = weighted(rng, a[1]);
      const fb = weighted(rng, b[1]);
      const style = rng();
      const given = (x: string, y: string) => (style < 0.5 ? `${x}-${y.toLowerCase()}` : style < 0.9 ? x + y.toLowerCase() : `${x} ${y}`);
      p.parts.push(s(weighted(rng, vs), hs), g([given(fa[0], fb[0]), given(fa[fa.length - 1], fb[fb.length - 1]), `${fa[0]} ${fb[0]}`], a[0] + b[0]));
      p.eastern = true;
      break;
    }
    case 'ARB': {
      const [an, ln] = pick(rng, female ? ARB.female : ARB.given);
      p.parts.push(g(ln, an));
      if (rng() < 0.5) {
        const [fa, fl] = pick(rng, ARB.given);
        p.parts.push({ kind: 'connector', forms: [female ? 'bint' : 'bin', female ? 'binti' : 'ibn'], native: female ? 'بنت' : 'بن' });
        p.parts.push({ kind: 'middle', forms: fl, native: fa });
      }
      if (rng() < 0.75) {
        const [fa, fl] = pick(rng, ARB.families);
        p.parts.push(s(fl, fa));
      } else {
        p.parts.push(s(['Al-' + pick(rng, ARB.tailRoots) + pick(rng, ARB.tailEnds)]));
      }
      break;
    }
    case 'MYS': {
      p.parts.push(g([pick(rng, female ? MYS.female : MYS.male)]));
      if (rng() < 0.5) p.parts.push({ kind: 'given', forms: [pick(rng, female ? MYS.female : MYS.male)] });
      p.parts.push({ kind: 'connector', forms: female ? ['binti', 'bt'] : ['bin', 'b.'] });
      p.parts.push(s([pick(rng, MYS.male)]));
      break;
    }
    case 'ENG': {
      const given = pick(rng, female ? ENG.female : ENG.male);
      p.parts.push(g([given], undefined, NICKNAMES[given]));
      if (rng() < 0.5) p.parts.push({ kind: 'middle', forms: [pick(rng, female ? ENG.female : ENG.male)] });
      p.parts.push(s([rng() < 0.75 ? pick(rng, ENG.surnames) : pick(rng, ENG.roots) + pick(rng, ENG.suffixes)]));
      break;
    }
    case 'DEU':
    case 'FRA': {
      const t = culture === 'DEU' ? DEU : FRA;
      p.parts.push(g(deuForms(pick(rng, female ? t.female : t.male))));
      if (rng() < 0.2) p.parts.push({ kind: 'middle', forms: [pick(rng, female ? t.female : t.male)] });
      p.parts.push(s(deuForms(pick(rng, t.surnames))));
      break;
    }
    case 'GRC': {
      const [gn, gl] = pick(rng, female ? GRC.female : GRC.male);
      const [sn, sl] = pick(rng, GRC.surnames);
      p.parts.push(g([gl], gn), s([female ? sl.replace(/os$/, 'ou').replace(/is$/, 'i').replace(/as$/, 'a') : sl], female ? sn.replace(/ος$/, 'ου').replace(/ης$/, 'η').replace(/άς$/, 'ά') : sn));
      break;
    }
    case 'IND': {
      p.parts.push(g([pick(rng, female ? IND.female : IND.male)]));
      if (rng() < 0.15) p.parts.push({ kind: 'middle', forms: [pick(rng, IND.male)] });
      const sur = pick(rng, IND.surnames);
      p.parts.push(s(sur === 'Chowdhury' ? ['Chowdhury', 'Choudhury', 'Chaudhary'] : sur === 'Mukherjee' ? ['Mukherjee', 'Mukherji'] : [sur]));
      break;
    }
    case 'VNM': {
      const strip = (x: string) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/Đ/g, 'D').replace(/đ/g, 'd');
      const sur = pick(rng, VNM.surnames);
      const mid = pick(rng, VNM.middles);
      const given = pick(rng, VNM.given);
      p.parts.push(s([strip(sur), sur]), { kind: 'middle', forms: [strip(mid), mid] }, g([strip(given), given]));
      p.eastern = true;
      break;
    }
    case 'JPN': {
      p.parts.push(s(jpnForms(pick(rng, JPN.surnames))), g(jpnForms(pick(rng, JPN.given))));
      p.eastern = rng() < 0.5;
      break;
    }
  }
  return p;
}

function ordered(p: Person, parts: Part[]): Part[] {
  if (p.eastern) return parts;
  // Western order: given, middle, connector, surname (Arabic: given bin father family).
  return parts;
}

/** The name as a list or a passport would write it. */
export function render(p: Person, opts: { native?: boolean; form?: (part: Part, i: number) => string } = {}): string {
  const parts = ordered(p, p.parts);
  const words = parts.map((part, i) => (opts.native && part.native ? part.native : opts.form ? opts.form(part, i) : part.forms[0]));
  if (opts.native && (p.culture === 'CHN' || p.culture === 'KOR')) return words.join('');
  return words.join(' ');
}

export function hasNative(p: Person): boolean {
  return p.parts.every((x) => x.native !== undefined || x.kind === 'connector');
}

const LISTS = ['national', 'interpol', 'deportation'];

export function makeEntry(rng: Rng, p: Person, id: string): WatchlistEntry {
  const names = [render(p)];
  if (hasNative(p) && rng() < 0.3) names.push(render(p, { native: true }));
  if (rng() < 0.2) names.push(render(p, { form: (part) => part.forms[part.forms.length - 1] }));
  const r = rng();
  const [y, m, d] = p.dob;
  const datesOfBirth = r < 0.7 ? [iso(y, m, d)] : r < 0.85 ? [String(y)] : [];
  return {
    id,
    list: pickWeighted(rng, [[LISTS[0], 6], [LISTS[1], 2], [LISTS[2], 2]] as const),
    names: [...new Set(names)],
    datesOfBirth,
    nationalities: [p.nationality],
    documentNumbers: rng() < 0.4 ? [String.fromCharCode(65 + randInt(rng, 0, 25)) + String(randInt(rng, 1000000, 9999999))] : [],
    reason: 'synthetic',
  };
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Streams a watchlist of about `names` names; keeps `sample` listed people for queries. */
export function generateWatchlist(
  seed: number,
  names: number,
  onEntry: (e: WatchlistEntry) => void,
  sample = 0,
): { entries: number; names: number; sampled: { person: Person; entry: WatchlistEntry }[] } {
  const rng = mulberry32(seed);
  const sRng = mulberry32(seed ^ 0x5eed);
  const sampled: { person: Person; entry: WatchlistEntry }[] = [];
  const p = sample / (names / 1.3);
  let n = 0;
  let e = 0;
  while (n < names) {
    const person = makePerson(rng);
    const entry = makeEntry(rng, person, `W${e}`);
    n += entry.names.length;
    e++;
    onEntry(entry);
    if (sampled.length < sample && sRng() < p * 1.15) sampled.push({ person, entry });
  }
  return { entries: e, names: n, sampled };
}

export type VariantKind = 'script' | 'romanisation' | 'typo' | 'order' | 'dropMiddle' | 'addMiddle' | 'nickname' | 'spelling' | 'joined' | 'dobSwap' | 'dobOffByOne';

/** A query for a listed person, re-written one to three ways. */
export function makeVariant(rng: Rng, p: Person): { query: ScreeningQuery; kinds: VariantKind[] } {
  const kinds: VariantKind[] = [];
  let parts = p.parts.map((x) => ({ ...x }));
  let native = false;
  const nOps = pickWeighted(rng, [[1, 5], [2, 4], [3, 1]] as const);
  const ops = new Set<string>();
  for (let i = 0; i < nOps; i++) ops.add(pickWeighted(rng, [['script', 3], ['spelling', 3], ['typo', 3], ['order', 2], ['middle', 2], ['nickname', 2], ['joined', 1]] as const));
  let choose: (part: Part) => string = (part) => part.forms[0];
  if (ops.has('script') && hasNative(p)) {
    if (p.culture === 'RUS' && rng() < 0.5) {
      const sys = pick(rng, [CYRILLIC_SYSTEMS.de, CYRILLIC_SYSTEMS.fr, CYRILLIC_SYSTEMS.icao]);
      choose = (part) => (part.native ? romaniseCyrillic(part.native, sys).replace(/ï/g, 'i') : part.forms[0]);
      kinds.push('romanisation');
    } else {
      native = true;
      kinds.push('script');
    }
  }
  if (ops.has('spelling') && !native && parts.some((x) => x.forms.length > 1)) {
    const prev = choose;
    choose = (part) => (part.forms.length > 1 && rng() < 0.7 ? pick(rng, part.forms.slice(1)) : prev(part));
    kinds.push('spelling');
  }
  if (ops.has('nickname') && !native) {
    const gi = parts.findIndex((x) => x.kind === 'given' && x.nick);
    if (gi >= 0) {
      parts[gi] = { ...parts[gi], forms: [pick(rng, parts[gi].nick!)], native: undefined };
      kinds.push('nickname');
    }
  }
  if (ops.has('middle')) {
    const mi = parts.findIndex((x) => x.kind === 'middle');
    if (mi >= 0 && rng() < 0.7) {
      parts = parts.filter((x, i) => i !== mi && !(x.kind === 'connector' && i === mi - 1));
      kinds.push('dropMiddle');
    } else if (!native && (p.culture === 'ENG' || p.culture === 'RUS' || p.culture === 'DEU' || p.culture === 'IND')) {
      const extra = p.culture === 'RUS' ? pick(rng, ['Sergeyevich', 'Ivanovich', 'Petrovna', 'Aleksandrovich']) : pick(rng, ENG.male);
      parts.splice(1, 0, { kind: 'middle', forms: [extra] });
      kinds.push('addMiddle');
    }
  }
  let words = parts.map((part) => (native && part.native ? part.native : choose(part)));
  if (native && (p.culture === 'CHN' || p.culture === 'KOR')) words = [words.join('')];
  if (ops.has('joined') && !native && (p.culture === 'CHN' || p.culture === 'KOR' || p.culture === 'ARB' || p.culture === 'DEU')) {
    words = words.map((w) => w.replace(/[- ]/g, ''));
    if ((p.culture === 'CHN' || p.culture === 'KOR') && rng() < 0.5) words = [words.join('')];
    kinds.push('joined');
  }
  if (ops.has('order') && words.length > 1) {
    words = words.slice().reverse();
    kinds.push('order');
  }
  if (ops.has('typo') && !native) {
    const idx = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
    if (idx.length) {
      const [w, i] = pick(rng, idx);
      words[i] = typo(rng, w);
      kinds.push('typo');
    }
  }
  let [y, m, d] = p.dob;
  const r = rng();
  if (r < 0.15 && d <= 12 && d !== m) {
    [m, d] = [d, m];
    kinds.push('dobSwap');
  } else if (r < 0.18) {
    d = d === 28 ? 27 : d + 1;
    kinds.push('dobOffByOne');
  }
  return {
    query: { names: [words.join(' ')], dateOfBirth: iso(y, m, d), nationality: p.nationality },
    kinds,
  };
}

function typo(rng: Rng, w: string): string {
  const i = randInt(rng, 1, w.length - 2);
  const letter = String.fromCharCode(97 + randInt(rng, 0, 25));
  switch (randInt(rng, 0, 3)) {
    case 0:
      return w.slice(0, i) + letter + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w.slice(i + 1);
    case 2:
      return w.slice(0, i) + letter + w.slice(i);
    default:
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  }
}

/** Someone not on the list: same mix of cultures; half share a listed person's surname. */
export function makeLookalike(rng: Rng, listed: Person[]): ScreeningQuery {
  let p = makePerson(rng);
  if (listed.length && rng() < 0.5) {
    const other = pick(rng, listed);
    let q = makePerson(rng);
    for (let k = 0; k < 20 && q.culture !== other.culture; k++) q = makePerson(rng);
    const si = other.parts.findIndex((x) => x.kind === 'surname');
    const qi = q.parts.findIndex((x) => x.kind === 'surname');
    if (q.culture === other.culture && si >= 0 && qi >= 0) q.parts[qi] = other.parts[si];
    p = q;
  }
  const [y, m, d] = p.dob;
  return { names: [render(p, { native: hasNative(p) && rng() < 0.2 })], dateOfBirth: iso(y, m, d), nationality: p.nationality };
}

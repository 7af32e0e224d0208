// Name normalisation for screening: any script to upper-case ASCII tokens.
//
// 1. NFKC, then script transliteration with `any-ascii` (Cyrillic, Greek, Arabic, Hebrew,
//    Chinese, Korean, Japanese kana, Devanagari, Thai, ...). Han and Hangul are transliterated
//    one character (= one syllable) at a time, so 张伟 gives ZHANG WEI and 김민수 GIM MIN SU;
//    joined spellings (ZHANGWEI, MINSU) are handled by the matcher's join step.
//    Greek ου becomes "ou" (any-ascii gives "oy").
// 2. Accents dropped, apostrophes removed (O'Brien -> OBRIEN, ʿAbd -> ABD), split on
//    anything that is not a letter.
// 3. Titles dropped (Mr, Dr, Haji, ...); particles kept but flagged (van, der, al, bin, ...):
//    they weigh little, and the matcher also tries them joined (AL RASHID ~ ALRASHID).
// 4. Arabic compounds with abd split the same way however written: Abdulrahman,
//    Abdul Rahman, Abd al-Rahman, Abdurrahman -> ABD RAHMAN. Abdullah stays whole.
// 5. Tokens that came from an abjad (Arabic, Hebrew script) are flagged: their vowels are
//    mostly unwritten, so the matcher compares their consonant skeletons.
import anyAscii from 'any-ascii';

export const Role = { Unknown: 0, Surname: 1, Given: 2 } as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface NameToken {
  text: string;
  role: Role;
  /** van, der, al, bin, ...: weighs little, never a blocking key on its own. */
  particle: boolean;
  /** Came from Arabic or Hebrew script: compare by consonant skeleton too. */
  abjad: boolean;
  /**
   * A part lists often leave out: a patronymic (Sergeyevich, Petrovna) or the father's name
   * after bin/binti/ibn. Missing, it costs less than another name.
   */
  optional?: boolean;
  /** The father after bin/binti ending a name (Ahmad bin Ismail): the only family name, so missing costs in full. */
  essential?: boolean;
}

const PATRONYMIC = /(?:OVICH|EVICH|OVITCH|EVITCH|OWITSCH|EWITSCH|OVNA|EVNA|OWNA|EWNA|ICHNA|YEVICH|IEVICH|INICHNA)$/;

export const TITLES = new Set(
  (
    'MR MRS MS MISS MSTR MASTER DR DRS PROF SIR DAME LORD LADY HAJI HJ HAJJ HAJAH HAJJAH HAJI ' +
    'SHEIKH SHAIKH SHEIK SYEKH SAYYIDAH ENG ING IR HERR FRAU MADAME MME MLLE MONSIEUR SENOR SENORA ' +
    'SR SRA SNR JR JNR REV FR CAPT COL GEN ESQ'
  ).split(' '),
);

export const PARTICLES = new Set(
  (
    'AL EL UL BIN BINTI BINT IBN BN BNT BT ' +
    'VAN VON DER DEN DEM DES DE DEL DELLA DELLE DEGLI DI DA DAS DOS DO DU LA LE LES TER TEN ZU Y'
  ).split(' '),
);

const ABD_WHOLE = new Set(['ABDULLAH', 'ABDALLAH', 'ABDELLAH', 'ABDULLA', 'ABDOLLAH']);
const ABD_ALONE = new Set(['ABD', 'ABDUL', 'ABDEL', 'ABDOUL', 'ABDOL', 'ABDU', 'ABDAL', 'ABDUL']);
const ABD_COMPOUND = /^ABD(?:UL|EL|AL|OL|OUL|UR|ER|AR|US|ES|AS|UD|ED|AD|UN|EN|AN|UZ|EZ|AZ|U|E|O|A)?([A-Z]{4,})$/;

const HAN_HANGUL = /[\u1100-\u11ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const HANGUL_SYLLABLE = /[\uac00-\ud7af]/u;
const ABJAD = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const NON_ASCII = /[^\x00-\x7f]/u;

/** Any script to ASCII, syllable by syllable for Han and Hangul. */
export function transliterate(s: string): string {
  let t = s.normalize('NFKC');
  if (!NON_ASCII.test(t)) return t;
  t = t.replace(/ου/g, 'ou').replace(/Ου/g, 'Ou').replace(/ΟΥ/g, 'OU').replace(/ού/g, 'ou');
  let out = '';
  for (const ch of t) {
    if (HANGUL_SYLLABLE.test(ch)) {
      // any-ascii writes a final ㄱ ㅂ ㄷ as g b d (박 Bag, 석 Seog); names write k p t.
      out += ' ' + anyAscii(ch).replace(/([aeiouy])g$/i, '$1k').replace(/([aeiouy])b$/i, '$1p').replace(/([aeiouy])d$/i, '$1t') + ' ';
    } else if (HAN_HANGUL.test(ch)) out += ' ' + anyAscii(ch) + ' ';
    else out += ch.charCodeAt(0) < 0x80 ? ch : anyAscii(ch);
  }
  return out;
}

/** Raw tokens of one string: transliterated, upper-case A-Z words, no titles. */
function rawTokens(s: string): { words: string[]; abjad: boolean } {
  const abjad = ABJAD.test(s);
  const ascii = transliterate(s)
    .replace(/['`\u2018\u2019\u02bb\u02bc\u02bf\u02be]/g, '')
    .toUpperCase();
  // Titles are dropped from Latin-script names only: from Arabic script "mr" is عمر (Omar).
  const words = ascii.split(/[^A-Z]+/).filter((w) => w.length > 0 && (abjad || !TITLES.has(w)));
  return { words, abjad };
}

function pushWords(out: NameToken[], words: string[], role: Role, abjad: boolean): void {
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (abjad) {
      // Arabic script: عبد -> "bd", ال assimilated into the next word ("lrhmn"), ابو -> "bw".
      if (w === 'BD') w = 'ABD';
      else if (w === 'BW') w = 'ABU';
      else if (/^BDL?[A-Z]{2,}$/.test(w) && !/^BDL+H$/.test(w)) {
        // عبدالعزيز written as one word: "bdlzyz" -> ABD + ZYZ.
        out.push({ text: 'ABD', role, particle: false, abjad });
        w = w.replace(/^BDL?/, '');
      }
      else if (i > 0 && w.length >= 4 && w[0] === 'L' && w[1] !== 'L') {
        out.push({ text: 'AL', role, particle: true, abjad });
        w = w.slice(1);
      }
    }
    if (ABD_ALONE.has(w)) {
      out.push({ text: 'ABD', role, particle: false, abjad });
      continue;
    }
    const m = ABD_WHOLE.has(w) ? null : ABD_COMPOUND.exec(w);
    if (m) {
      out.push({ text: 'ABD', role, particle: false, abjad });
      out.push({ text: m[1], role, particle: false, abjad });
      continue;
    }
    out.push({ text: w, role, particle: PARTICLES.has(w), abjad });
  }
}

/** Normalised tokens of one name, in the order written. */
export function normaliseName(name: string | { surname?: string; given?: string }): NameToken[] {
  const out: NameToken[] = [];
  if (typeof name === 'string') {
    const { words, abjad } = rawTokens(name);
    pushWords(out, words, Role.Unknown, abjad);
  } else {
    for (const [part, role] of [
      [name.surname, Role.Surname],
      [name.given, Role.Given],
    ] as const) {
      if (!part) continue;
      const { words, abjad } = rawTokens(part);
      pushWords(out, words, role, abjad);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.particle) continue;
    const prev = out[i - 1];
    // The father after bin is optional only when a family name follows (Mohammed bin Salman
    // Al Saud); in "Ahmad bin Ismail" it is the only other name.
    const afterBin = prev && prev.particle && /^(BIN|BINT|BINTI|IBN|BN|BNT|BT)$/.test(prev.text);
    const last = !out.slice(i + 1).some((x) => !x.particle);
    if (PATRONYMIC.test(t.text) || (afterBin && !last)) t.optional = true;
    else if (afterBin && last) t.essential = true;
  }
  // A lone particle ("Y", "DA", "LE" as a whole given name) is a name, not a particle.
  if (out.length > 0 && out.every((t) => t.particle)) for (const t of out) t.particle = false;
  return out;
}

/** The tokens as one readable string ("ABD RAHMAN AL RASHID"). */
export function tokensText(tokens: readonly NameToken[]): string {
  return tokens.map((t) => t.text).join(' ');
}

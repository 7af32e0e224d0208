// RFC 4180 CSV with the delimiter guessed from the header line (',' ';' or tab: spreadsheets
// set to Indonesian write ';'). Quoted fields may hold delimiters, doubled quotes and line
// breaks. Each record keeps the line it starts on, so errors name the row a person sees.

export interface CsvTable { records: string[][]; lines: number[]; problem: string | null }

export function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const count = (d: string) => first.split(d).length - 1;
  return [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

export function parseCsvTable(text: string, delimiter = guessDelimiter(text)): CsvTable {
  const records: string[][] = [];
  const lines: number[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (s[i] === '"') {
        let value = '';
        let from = ++i;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) return { records, lines, problem: `unterminated quoted field starting on line ${start}` };
          value += s.slice(from, q);
          if (s[q + 1] === '"') { value += '"'; from = q + 2; continue; }
          i = q + 1;
          break;
        }
        for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === 10) line++;
        // text after the closing quote up to the delimiter belongs to the field (lenient, as spreadsheets are)
        let j = i;
        while (j < n && s[j] !== delimiter && s[j] !== '\n' && s[j] !== '\r') j++;
        fields.push(value + s.slice(i, j));
        i = j;
      } else {
        let j = i;
        while (j < n && s[j] !== delimiter && s[j] !== '\n' && s[j] !== '\r') j++;
        fields.push(s.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      if (s[i] === delimiter) { i++; continue; }
      // end of record: \r\n, \n or \r
      if (s[i] === '\r' && s[i + 1] === '\n') i++;
      i++;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) { records.push(fields); lines.push(start); }
  }
  return { records, lines, problem: null };
}

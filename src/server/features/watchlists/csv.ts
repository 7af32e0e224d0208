// A compact RFC 4180 reader: quoted fields, doubled quotes inside them, CRLF or LF, a BOM at
// the start. Each record carries the line it starts on, for per-line error reports.
// (csv-parse is not a dependency; this is all the watchlist files need.)

export interface CsvRecord { line: number; fields: string[] }
export interface CsvError { line: number; reason: string }

export function parseCsv(text: string): { records: CsvRecord[]; errors: CsvError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  while (i < s.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quotedField = false;
    let bad: string | null = null;
    for (;;) {
      if (i >= s.length) { fields.push(field); break; }
      const c = s[i]!;
      if (c === '"' && field === '' && !quotedField) {
        // quoted field: read to the closing quote; "" is one quote
        quotedField = true;
        i++;
        let closed = false;
        while (i < s.length) {
          const q = s[i]!;
          if (q === '"') {
            if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
            i++;
            closed = true;
            break;
          }
          if (q === '\n') line++;
          field += q;
          i++;
        }
        if (!closed) bad = 'unterminated quoted field';
        continue;
      }
      if (c === ',') { fields.push(field); field = ''; quotedField = false; i++; continue; }
      if (c === '\r' && s[i + 1] === '\n') { i += 2; line++; fields.push(field); break; }
      if (c === '\n' || c === '\r') { i++; line++; fields.push(field); break; }
      if (quotedField) bad ??= 'text after a closing quote';
      field += c;
      i++;
    }
    if (bad) errors.push({ line: start, reason: bad });
    else if (!(fields.length === 1 && fields[0] === '' && !quotedField)) records.push({ line: start, fields });
  }
  return { records, errors };
}

/** Maps header names (case-insensitive, trimmed) to their column positions. */
export function headerIndex(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((h, i) => { const key = h.trim().toLowerCase(); if (!map.has(key)) map.set(key, i); });
  return map;
}

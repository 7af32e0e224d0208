// Markdown rendering of bench/results/mrz.json, for quoting in the README.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Summary } from './score';

const cell = (s: Summary | null | undefined): string => (s ? `${s.rightPct}% (${s.right}/${s.n})` : '–');
const aw = (s: Summary | null | undefined): string => (s ? `${s.acceptedWrong} (${s.acceptedWrongPct}%)` : '–');
const ms = (s: Summary | null | undefined): string => (s ? `${s.medianMs}` : '–');

export function renderMarkdown(r: any): string {
  const engines: string[] = r.options.engines;
  const out: string[] = [];
  out.push(`# MRZ benchmark`, '');
  out.push(`Run ${r.date} on ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}. Synthetic test seed ${r.options.seeds.test}, ${r.options.pages} pages a level${r.options.tessPages < r.options.pages ? ` (tesseract on the first ${r.options.tessPages})` : ''}. Reader at its defaults.`, '');
  if (!r.readerAvailable) out.push(`Reader not available: ${r.readerError}`, '');

  out.push('## Synthetic pages: share with every field right', '');
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  out.push(row(['level', 'target (issue #11)', 'reader', ...engines.map((e) => `tesseract.js ${e}`), 'reader accepted but wrong', 'reader median ms', ...engines.map((e) => `tesseract ${e} median ms`)]));
  out.push(row(Array(5 + 2 * engines.length).fill('---')));
  const goal = (level: string): string => {
    const want = r.options.levelTargets?.[level];
    return want === undefined ? '–' : `${want === 100 ? '100%' : `≥ ${want}%`}, 0 accepted wrong`;
  };
  for (const level of r.options.levels) {
    const s = r.synthetic[level];
    out.push(row([level, goal(level), cell(s.reader), ...engines.map((e) => cell(s.tesseract[e])), aw(s.reader), ms(s.reader), ...engines.map((e) => ms(s.tesseract[e]))]));
  }
  const all = r.overall;
  out.push(row(['all', '', cell(all.reader), ...engines.map((e) => cell(all.tesseract[e])), aw(all.reader), ms(all.reader), ...engines.map((e) => ms(all.tesseract[e]))]), '');

  if (r.overall.reader) {
    out.push('Reader, fully right by document kind (all levels):', '');
    out.push('| kind | ' + r.options.levels.join(' | ') + ' |');
    out.push('|---|' + r.options.levels.map(() => '---|').join(''));
    for (const kind of ['TD3', 'TD1', 'TD2', 'MRVA', 'MRVB']) {
      out.push(`| ${kind} | ` + r.options.levels.map((l: string) => {
        const k = r.synthetic[l].reader?.byKind?.[kind];
        return k ? `${k.right}/${k.n}` : '–';
      }).join(' | ') + ' |');
    }
    out.push('');
  }

  if (r.specimens) {
    const sp = r.specimens;
    const tess = Object.keys(sp.tesseract);
    out.push(`## Real specimens (${sp.n} images, never trained on)`, '');
    out.push(`| | reader | ${tess.map((e) => `tesseract.js ${e}`).join(' | ')} | PassportEye legacy | PassportEye default |`);
    out.push(`|---|---|${tess.map(() => '---|').join('')}---|---|`);
    out.push(`| every field right | ${sp.reader ? `${sp.reader.right} / ${sp.n}` : '–'} | ${tess.map((e) => `${sp.tesseract[e].right} / ${sp.n}`).join(' | ')} | ${sp.passportEye.legacyRight} / ${sp.n} | ${sp.passportEye.defaultRight} / ${sp.n} |`);
    out.push(`| accepted while wrong | ${sp.reader ? sp.reader.acceptedWrong : '–'} | ${tess.map((e) => sp.tesseract[e].acceptedWrong).join(' | ')} | | |`);
    out.push(`| median ms | ${sp.reader ? sp.reader.medianMs : '–'} | ${tess.map((e) => sp.tesseract[e].medianMs).join(' | ')} | 1620 | 2710 |`, '');
    if (sp.reader) out.push(`PassportEye-right images the reader misses: ${sp.reader.passportEyeRightMissed.length ? sp.reader.passportEyeRightMissed.join(', ') : 'none'}.`, '');
    out.push('<details><summary>per image</summary>', '');
    out.push(`| file | kind | PassportEye right | reader | ${tess.map((e) => `tesseract ${e}`).join(' | ')} |`);
    out.push(`|---|---|---|---|${tess.map(() => '---|').join('')}`);
    const v = (x: any): string => (!x ? '–' : x.right ? (x.valid ? 'right, valid' : 'right') : `${x.valid ? 'VALID but ' : ''}wrong: ${x.wrong.join(' ')}`);
    for (const row of sp.perImage) out.push(`| ${row.file} | ${row.kind} | ${row.passportEyeRight ? 'yes' : ''} | ${v(row.reader)} | ${tess.map((e) => v(row[`tesseract_${e}`])).join(' | ')} |`);
    out.push('', '</details>', '');
  }

  out.push('## Targets', '');
  out.push('| target | wanted | measured | |');
  out.push('|---|---|---|---|');
  for (const t of r.targets) out.push(`| ${t.name} | ${t.target} | ${t.value} | ${t.pass === null ? 'not measured' : t.pass ? 'pass' : 'FAIL'} |`);
  out.push('');
  if (r.timing.browser?.error) out.push(`Browser timing failed: ${r.timing.browser.error}`, '');
  else if (r.timing.browser) out.push(`Browser: headless Chromium ${r.timing.browser.version ?? ''}, readMrz in a Web Worker on ${r.timing.browser.n} test pages; median ${r.timing.browser.medianMs} ms (decode + read ${r.timing.browser.medianTotalMs} ms), bundle ${Math.round((r.timing.browser.bundleBytes ?? 0) / 1024)} KiB.`, '');
  return out.join('\n');
}

import { guestLines } from './receipt';
import type { ReceiptView } from './receipt-view';

// The public verification page: small, server-rendered, readable on a phone, in Indonesian
// with English beside it. It prints the receipt presenter's public view with the PDF's own
// row texts (guestLines), so it cannot show more than the receipt does.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1a1b1e;line-height:1.45}
main{max-width:640px;margin:0 auto;padding:16px}
.verdict{border-radius:10px;padding:16px;margin-bottom:16px;color:#fff}
.ok{background:#2b8a3e}.bad{background:#c92a2a}
.verdict h1{margin:0 0 4px;font-size:1.3rem}.verdict p{margin:0}
section{background:#fff;border-radius:10px;padding:16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:1rem;margin:0 0 8px}
dl{margin:0;display:grid;grid-template-columns:minmax(110px,40%) 1fr;gap:4px 12px}
dt{color:#5c5f66;font-size:.85rem}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.en{color:#5c5f66;font-weight:400}
.cancelled{color:#c92a2a}
footer{font-size:.8rem;color:#5c5f66;padding:8px 4px}
`;

function rows(pairs: [string, string][]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export function verifyPage(view: ReceiptView | null): string {
  const body = view
    ? `<div class="verdict ok" data-verdict="genuine"><h1>Tanda terima ASLI</h1><p>Genuine receipt: issued by Sinergi and unaltered.</p></div>
<section><h2>Surat Tanda Terima Pelaporan Orang Asing <span class="en">/ Receipt of a foreign-national stay report</span></h2>
${rows([
    ['Kantor / Office', view.office],
    ['Nomor / Receipt no.', view.receiptNumber],
    ['Tempat penginapan / Lodging', view.lodging ? view.lodging.name : '-'],
    ['Dilaporkan / Reported', view.reportedAt],
    ['Jumlah tamu / Guests', String(view.guests.length)],
  ])}</section>
${view.guests.map((g) => `<section${g.status === 'cancelled' ? ' class="cancelled"' : ''}><h2>${g.line}. ${esc(g.name ?? '-')}</h2>${rows(guestLines(g))}</section>`).join('\n')}`
    : `<div class="verdict bad" data-verdict="refused"><h1>Tanda terima TIDAK DIKENAL</h1>
<p>Kode ini tidak diterbitkan oleh Sinergi atau telah diubah.</p><p>Not genuine: this code was not issued by Sinergi or has been altered.</p></div>`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${view ? 'Tanda terima asli' : 'Tanda terima tidak dikenal'} · Sinergi</title><style>${STYLE}</style></head>
<body><main>${body}
<footer>Sinergi · Pemeriksaan keaslian tanda terima pelaporan orang asing / Verification of a foreign-national stay-report receipt.
Halaman ini hanya menampilkan isi tanda terima. / This page shows only what the receipt shows.</footer></main></body></html>`;
}

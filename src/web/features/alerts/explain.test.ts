import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { WatchlistIndex } from '../../../domain/matching';
import en from '../../i18n/en.json';
import id from '../../i18n/id.json';
import { explainAlert } from './explain';

// An alert's reason on screen: a watchlist hit's evidence (from the real matcher) and a rule's
// permit read in the officer's language, not the matcher's English or a permit code.

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id', fallbackLng: 'id', interpolation: { escapeValue: false } });
});

function hit() {
  const index = new WatchlistIndex();
  index.add({ id: 'rn-1', list: 'Interpol (synthetic)', names: [{ surname: 'Ivanov', given: 'Sergei' }], datesOfBirth: ['1980-03-04'], nationalities: ['RUS'] });
  index.build();
  return index.match({ names: [{ surname: 'IVANOV', given: 'SERGEY' }], dateOfBirth: '1980-03-04', nationality: 'RUS' })[0]!;
}

describe('explainAlert', () => {
  it('says a watchlist hit\'s evidence in Indonesian, numbers with a decimal comma', () => {
    const h = hit();
    const alert = { explanation: { key: 'rule.watchlist_hit', params: { list: h.list, score: 0.912, strength: h.strength, detail: h.explanation, reasons: h.reasons } } };
    expect(explainAlert(t.getFixedT('id'), 'id', alert)).toBe(
      'Cocok dengan daftar Interpol (synthetic) (skor 0,912): nama keluarga IVANOV = IVANOV, nama depan SERGEY ≈ SERGEI (0,95, varian), tanggal lahir sama, kewarganegaraan sama',
    );
    expect(explainAlert(t.getFixedT('en'), 'en', alert)).toContain('given name SERGEY ≈ SERGEI (0.95, variant), birth date equal');
  });

  it('keeps the English detail of an alert stored before the evidence was kept in pieces', () => {
    const alert = { explanation: { key: 'rule.watchlist_hit', params: { list: 'DPO', score: 1, strength: 'strong', detail: 'surname SUN=SUN, birth date equal' } } };
    expect(explainAlert(t.getFixedT('id'), 'id', alert)).toBe('Cocok dengan daftar DPO (skor 1): surname SUN=SUN, birth date equal');
  });

  it('names the permit instead of its code, and the date in Indonesian', () => {
    const alert = { explanation: { key: 'rule.visa_work_report', params: { permit: 'visa_on_arrival', since: '2026-11-27' } } };
    expect(explainAlert(t.getFixedT('id'), 'id', alert)).toBe('Izin kunjungan (VoA) tetapi dilaporkan bekerja oleh pemberi kerja sejak 27 Nov 2026.');
  });
});

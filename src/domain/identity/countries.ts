// Nationality and issuing-state codes as they appear in an MRZ: ISO 3166-1 alpha-3 plus the
// codes ICAO Doc 9303 part 3 (section 5) adds for Germany, British nationality classes,
// international organisations, stateless persons and refugees, and specimens. The ISO codes
// come from i18n-iso-countries at load time; the extras live here because no library has them.

export interface IcaoExtraCountry {
  code: string;
  /** ISO alpha-2 of the state the code belongs to, if any (Germany's D → DE). */
  alpha2: string | null;
  nameId: string;
  nameEn: string;
}

export const ICAO_EXTRA_COUNTRIES: readonly IcaoExtraCountry[] = [
  { code: 'D', alpha2: 'DE', nameId: 'Jerman', nameEn: 'Germany' },
  { code: 'GBD', alpha2: 'GB', nameId: 'Britania Raya (Warga Negara Wilayah Seberang Laut Britania)', nameEn: 'British Overseas Territories Citizen' },
  { code: 'GBN', alpha2: 'GB', nameId: 'Britania Raya (Warga Negara Britania (Seberang Laut))', nameEn: 'British National (Overseas)' },
  { code: 'GBO', alpha2: 'GB', nameId: 'Britania Raya (Warga Negara Seberang Laut Britania)', nameEn: 'British Overseas Citizen' },
  { code: 'GBP', alpha2: 'GB', nameId: 'Britania Raya (Orang yang Dilindungi Britania)', nameEn: 'British Protected Person' },
  { code: 'GBS', alpha2: 'GB', nameId: 'Britania Raya (Subjek Britania)', nameEn: 'British Subject' },
  { code: 'UNO', alpha2: null, nameId: 'Perserikatan Bangsa-Bangsa (pejabat)', nameEn: 'United Nations Organization or one of its officials' },
  { code: 'UNA', alpha2: null, nameId: 'Badan khusus Perserikatan Bangsa-Bangsa (pejabat)', nameEn: 'Specialized agency of the United Nations or one of its officials' },
  { code: 'UNK', alpha2: null, nameId: 'Penduduk Kosovo (dokumen perjalanan UNMIK)', nameEn: 'Resident of Kosovo (travel document issued by UNMIK)' },
  { code: 'RKS', alpha2: 'XK', nameId: 'Kosovo', nameEn: 'Kosovo' },
  { code: 'EUE', alpha2: null, nameId: 'Uni Eropa', nameEn: 'European Union' },
  { code: 'XBA', alpha2: null, nameId: 'Bank Pembangunan Afrika', nameEn: 'African Development Bank' },
  { code: 'XIM', alpha2: null, nameId: 'Bank Ekspor-Impor Afrika', nameEn: 'African Export-Import Bank' },
  { code: 'XCC', alpha2: null, nameId: 'Komunitas Karibia (CARICOM)', nameEn: 'Caribbean Community (CARICOM)' },
  { code: 'XCE', alpha2: null, nameId: 'Dewan Eropa', nameEn: 'Council of Europe' },
  { code: 'XCO', alpha2: null, nameId: 'Pasar Bersama Afrika Timur dan Selatan (COMESA)', nameEn: 'Common Market for Eastern and Southern Africa (COMESA)' },
  { code: 'XEC', alpha2: null, nameId: 'Komunitas Ekonomi Negara-Negara Afrika Barat (ECOWAS)', nameEn: 'Economic Community of West African States (ECOWAS)' },
  { code: 'XES', alpha2: null, nameId: 'Organisasi Negara-Negara Karibia Timur (OECS)', nameEn: 'Organisation of Eastern Caribbean States (OECS)' },
  { code: 'XDC', alpha2: null, nameId: 'Komunitas Pembangunan Afrika Selatan (SADC)', nameEn: 'Southern African Development Community (SADC)' },
  { code: 'XOM', alpha2: null, nameId: 'Ordo Militer Berdaulat Malta', nameEn: 'Sovereign Military Order of Malta' },
  { code: 'XPO', alpha2: null, nameId: 'Organisasi Polisi Kriminal Internasional (INTERPOL)', nameEn: 'International Criminal Police Organization (INTERPOL)' },
  { code: 'XXA', alpha2: null, nameId: 'Orang tanpa kewarganegaraan', nameEn: 'Stateless person' },
  { code: 'XXB', alpha2: null, nameId: 'Pengungsi (Konvensi 1951)', nameEn: 'Refugee (1951 Convention)' },
  { code: 'XXC', alpha2: null, nameId: 'Pengungsi (selain Konvensi 1951)', nameEn: 'Refugee (other than under the 1951 Convention)' },
  { code: 'XXX', alpha2: null, nameId: 'Kewarganegaraan tidak disebutkan', nameEn: 'Person of unspecified nationality' },
  { code: 'UTO', alpha2: null, nameId: 'Utopia (spesimen)', nameEn: 'Utopia (specimen documents)' },
];

const EXTRA_BY_CODE = new Map(ICAO_EXTRA_COUNTRIES.map((c) => [c.code, c]));

export function icaoExtraCountry(code: string): IcaoExtraCountry | undefined {
  return EXTRA_BY_CODE.get(normalizeCountryCode(code));
}

/** Codes that name a person's status or an organisation rather than a state. */
export function isNonStateCode(code: string): boolean {
  const c = normalizeCountryCode(code);
  return c.startsWith('X') || c.startsWith('UN') || c === 'EUE' || c === 'UTO';
}

/**
 * Upper-cases and trims, and drops the MRZ filler '<' ("D<<" → "D") so a code read from a
 * machine-readable zone compares equal to one typed in a form.
 */
export function normalizeCountryCode(input: string): string {
  return input.trim().toUpperCase().replace(/<+$/, '').trim();
}

/** One to three Latin letters: the shape of every ICAO nationality code. */
export function isWellFormedCountryCode(code: string): boolean {
  return /^[A-Z]{1,3}$/.test(code);
}

// The problems a guest's pre-registration can have, as language-neutral keys (the server sends
// `{ field, key, params }`) with their words in every form language, so the server answers in
// the guest's language and the web shows the same words for its own checks.
import type { PreregLanguage } from './languages';

type Words = Record<PreregLanguage, string>;

export const PREREG_ERRORS = {
  'field.required': {
    id: 'Wajib diisi', en: 'Required', zh: '必填', ru: 'Обязательное поле', ko: '필수 항목입니다', ja: '必須項目です', ar: 'حقل مطلوب',
  },
  'field.too_long': {
    id: 'Terlalu panjang (maksimal {limit} karakter)', en: 'Too long (at most {limit} characters)', zh: '太长（最多 {limit} 个字符）',
    ru: 'Слишком длинно (не более {limit} символов)', ko: '너무 깁니다 (최대 {limit}자)', ja: '長すぎます（最大 {limit} 文字）', ar: 'طويل جدًا (الحد الأقصى {limit} حرفًا)',
  },
  'field.bad_format': {
    id: 'Format tidak valid', en: 'Invalid format', zh: '格式无效', ru: 'Неверный формат', ko: '형식이 올바르지 않습니다', ja: '形式が正しくありません', ar: 'تنسيق غير صالح',
  },
  'field.bad_date': {
    id: 'Tanggal tidak valid', en: 'Invalid date', zh: '日期无效', ru: 'Неверная дата', ko: '날짜가 올바르지 않습니다', ja: '日付が正しくありません', ar: 'تاريخ غير صالح',
  },
  'field.bad_choice': {
    id: 'Pilih salah satu pilihan', en: 'Choose one of the options', zh: '请选择一个选项', ru: 'Выберите один из вариантов', ko: '옵션 중 하나를 선택하세요', ja: '選択肢から選んでください', ar: 'اختر أحد الخيارات',
  },
  'field.date_in_future': {
    id: 'Tanggal tidak boleh di masa depan', en: 'Must not be in the future', zh: '不能是将来的日期', ru: 'Дата не может быть в будущем', ko: '미래 날짜일 수 없습니다', ja: '未来の日付は入力できません', ar: 'يجب ألا يكون التاريخ في المستقبل',
  },
  'field.date_too_old': {
    id: 'Tanggal terlalu lampau', en: 'Date is too far in the past', zh: '日期过早', ru: 'Слишком ранняя дата', ko: '날짜가 너무 과거입니다', ja: '日付が古すぎます', ar: 'التاريخ قديم جدًا',
  },
  'field.date_too_far': {
    id: 'Tanggal terlalu jauh di masa depan', en: 'Date is too far in the future', zh: '日期太远', ru: 'Слишком далёкая дата', ko: '날짜가 너무 먼 미래입니다', ja: '日付が先すぎます', ar: 'التاريخ بعيد جدًا في المستقبل',
  },
  'field.arrival_far_future': {
    id: 'Pra-registrasi dibuka paling cepat {days} hari sebelum kedatangan', en: 'Pre-registration opens at most {days} days before arrival',
    zh: '最早可在抵达前 {days} 天预登记', ru: 'Предварительная регистрация возможна не ранее чем за {days} дн. до прибытия',
    ko: '사전 등록은 도착 {days}일 전부터 가능합니다', ja: '事前登録は到着の {days} 日前から可能です', ar: 'يمكن التسجيل المسبق قبل الوصول بـ {days} أيام كحد أقصى',
  },
  'field.birth_after_arrival': {
    id: 'Tanggal lahir tidak boleh setelah kedatangan', en: 'Date of birth must not be after arrival', zh: '出生日期不能晚于抵达日期',
    ru: 'Дата рождения не может быть позже прибытия', ko: '생년월일은 도착일 이후일 수 없습니다', ja: '生年月日は到着日より後にできません', ar: 'يجب ألا يكون تاريخ الميلاد بعد تاريخ الوصول',
  },
  'field.before_arrival': {
    id: 'Tidak boleh sebelum tanggal kedatangan', en: 'Must not be before the arrival date', zh: '不能早于抵达日期',
    ru: 'Не может быть раньше даты прибытия', ko: '도착일 이전일 수 없습니다', ja: '到着日より前にはできません', ar: 'يجب ألا يكون قبل تاريخ الوصول',
  },
  'field.unknown_country': {
    id: 'Negara tidak dikenal', en: 'Unknown country', zh: '未知国家', ru: 'Неизвестная страна', ko: '알 수 없는 국가입니다', ja: '不明な国です', ar: 'دولة غير معروفة',
  },
  'field.bad_document_number': {
    id: 'Nomor paspor hanya huruf dan angka (maksimal 20)', en: 'Passport number: letters and digits only (at most 20)', zh: '护照号码只能包含字母和数字（最多 20 个）',
    ru: 'Номер паспорта: только буквы и цифры (не более 20)', ko: '여권 번호는 문자와 숫자만 가능합니다 (최대 20자)', ja: '旅券番号は英字と数字のみ（最大 20 文字）', ar: 'رقم جواز السفر: حروف وأرقام فقط (20 كحد أقصى)',
  },
  'field.bad_characters': {
    id: 'Berisi karakter yang tidak diperbolehkan', en: 'Contains characters that are not allowed', zh: '包含不允许的字符',
    ru: 'Содержит недопустимые символы', ko: '허용되지 않는 문자가 포함되어 있습니다', ja: '使用できない文字が含まれています', ar: 'يحتوي على أحرف غير مسموح بها',
  },
  'field.no_letters': {
    id: 'Harus berisi setidaknya satu huruf', en: 'Must contain at least one letter', zh: '必须至少包含一个字母',
    ru: 'Должно содержать хотя бы одну букву', ko: '문자를 하나 이상 포함해야 합니다', ja: '文字を1つ以上含めてください', ar: 'يجب أن يحتوي على حرف واحد على الأقل',
  },
} as const satisfies Record<string, Words>;

export type PreregErrorKey = keyof typeof PREREG_ERRORS;
/** The key list the server may send (for clients that translate themselves). */
export const PREREG_ERROR_KEYS = Object.keys(PREREG_ERRORS) as PreregErrorKey[];

export interface PreregFieldError { field: string; key: PreregErrorKey; params?: Record<string, string | number> }

/** A server or domain error key as one of ours; anything else reads as a bad format. */
export function preregErrorKey(key: string): PreregErrorKey {
  if (key in PREREG_ERRORS) return key as PreregErrorKey;
  if (key === 'field.too_short' || key === 'field.out_of_range') return 'field.bad_format';
  if (key === 'field.bad_enum' || key === 'field.bad_type') return 'field.bad_choice';
  return 'field.bad_format';
}

export function preregMessage(lang: PreregLanguage, key: PreregErrorKey, params: Record<string, string | number> = {}): string {
  return PREREG_ERRORS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

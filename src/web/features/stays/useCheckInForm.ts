// State of the check-in form: the head's values, the members', errors by field name
// ('guest.surname' for the head, 'members.0.guest.surname' for member 0), MRZ check-digit
// errors that stay until the field is edited, and fields flagged for checking.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingResult } from '../mrz/fromReading';
import type { TypedMrzResult } from '../mrz/typedMrz';
import {
  emptyMember, emptyValues, FIELD_KEYS, MAX_MEMBERS, MEMBER_KEYS, PERMIT_KINDS_WITH_END, validate, validateMembers,
  type Errors, type FieldKey, type MemberKey, type MemberValues, type Values,
} from './checkInForm';
import { canonicalCountry } from './countries';
import { firstToFill, withProposal } from './focusNext';

export type Scan = ReadingResult & Partial<Pick<TypedMrzResult, 'checkErrors'>>;
export const memberPrefix = (i: number) => `members.${i}.`;

export function useCheckInForm(today: string, opts: { needsLodging: boolean; knownCountry: (code: string) => boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => withProposal(emptyValues(today), emptyValues(today)));
  const [members, setMembers] = useState<MemberValues[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({});
  const [uncertain, setUncertain] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(-1); // -1: the head; else the member a scan fills
  const formRef = useRef<HTMLFormElement>(null);

  const clear = (name: string) => {
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
    setCheckErrors((e) => { if (!(name in e)) return e; const n = { ...e }; delete n[name]; return n; });
    setUncertain((u) => { if (!u.has(name)) return u; const n = new Set(u); n.delete(name); return n; });
  };

  const set = (key: FieldKey, value: string) => {
    const v2 = key === 'guest.nationality' || key === 'guest.document.issuingState' ? canonicalCountry(value) : value;
    setValues((v) => {
      const next = { ...v, [key]: v2 };
      // The passport is usually issued by the nationality's state; a visit permit starts on arrival.
      if (key === 'guest.nationality' && !v['guest.document.issuingState']) next['guest.document.issuingState'] = v2;
      if (key === 'arrivalDate' && (!v['guest.permit.validFrom'] || v['guest.permit.validFrom'] === v.arrivalDate)) next['guest.permit.validFrom'] = v2;
      return withProposal(v, next);
    });
    clear(key);
  };

  const setMember = (i: number, key: MemberKey, value: string) => {
    const v2 = key === 'guest.nationality' || key === 'guest.document.issuingState' ? canonicalCountry(value) : value;
    setMembers((ms) => ms.map((m, j) => {
      if (j !== i) return m;
      const next = { ...m, [key]: v2 };
      if (key === 'guest.nationality' && !m['guest.document.issuingState']) next['guest.document.issuingState'] = v2;
      return next;
    }));
    clear(memberPrefix(i) + key);
  };

  /** Focus (and scroll to) the first field to fill in a part of the form. */
  const focusNext = useCallback((names: { name: string; value: string; required: boolean; wanted?: boolean }[], flagged: (n: string) => boolean, fallback?: string) => {
    const target = firstToFill(names.map((f) => ({ ...f, flagged: flagged(f.name) }))) ?? fallback;
    requestAnimationFrame(() => {
      const el = target ? formRef.current?.querySelector<HTMLElement>(`[data-field="${target}"], [data-testid="${target}"]`) : null;
      el?.focus();
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }, []);

  const headFields = (v: Values) => {
    const required = new Set<string>(['guest.surname', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality', 'guest.document.number',
      'guest.document.issuingState', 'guest.document.expiryDate', 'guest.permit.validFrom', 'arrivalDate']);
    if (PERMIT_KINDS_WITH_END.includes(v['guest.permit.kind'])) required.add('guest.permit.validUntil');
    if (opts.needsLodging) required.add('lodgingId');
    return FIELD_KEYS.map((k) => ({ name: k, value: v[k], required: required.has(k), wanted: k === 'room' }));
  };

  /** A passport read by camera or typed MRZ: fills the active guest's own fields. */
  const applyScan = (result: Scan, target = active) => {
    const prefix = target < 0 ? '' : memberPrefix(target);
    const incoming: Partial<Values> = { ...result.values };
    const flaggedNow = new Set<string>(result.uncertain.map((k) => prefix + k));
    // Codes the country list does not know (misreads) stay out of the select, and are flagged.
    for (const key of ['guest.nationality', 'guest.document.issuingState'] as const) {
      const code = incoming[key];
      if (code === undefined) continue;
      incoming[key] = canonicalCountry(code);
      if (!opts.knownCountry(incoming[key]!)) { delete incoming[key]; flaggedNow.add(prefix + key); }
    }
    const touched = Object.keys(result.values).map((k) => prefix + k);
    const flagged = new Set([...uncertain].filter((n) => !touched.includes(n)));
    for (const n of flaggedNow) flagged.add(n);
    const sticky = Object.fromEntries(Object.entries(checkErrors).filter(([n]) => !touched.includes(n)));
    for (const [k, msg] of Object.entries(result.checkErrors ?? {})) sticky[prefix + k] = t(msg);
    setUncertain(flagged);
    setCheckErrors(sticky);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([n]) => !n.startsWith(prefix) || (prefix === '' && n.startsWith('members.')))));
    const isFlagged = (n: string) => flagged.has(n) || n in sticky;
    if (target < 0) {
      const next = withProposal(values, { ...values, ...incoming });
      setValues(next);
      focusNext(headFields(next), isFlagged, 'checkin-submit');
    } else {
      const own = Object.fromEntries(Object.entries(incoming).filter(([k]) => (MEMBER_KEYS as readonly string[]).includes(k)));
      const m = { ...members[target], ...own } as MemberValues;
      setMembers((ms) => ms.map((x, j) => (j === target ? m : x)));
      focusNext(MEMBER_KEYS.map((k) => ({ name: prefix + k, value: m[k], required: k !== 'guest.givenNames' && k !== 'guest.permit.number' })), isFlagged, 'add-member');
    }
  };

  const addMember = () => {
    if (members.length >= MAX_MEMBERS) return;
    const i = members.length;
    setMembers((ms) => [...ms, emptyMember()]);
    setActive(i); // the new card's MRZ field takes the focus as it mounts: the scanner can type at once
  };

  const removeMember = (i: number) => {
    setMembers((ms) => ms.filter((_, j) => j !== i));
    setActive(-1);
    const drop = (n: string) => n.startsWith('members.');
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([n]) => !drop(n))));
    setCheckErrors((e) => Object.fromEntries(Object.entries(e).filter(([n]) => !drop(n))));
    setUncertain((u) => new Set([...u].filter((n) => !drop(n))));
  };

  /** Every error of the form, by field name; empty when it may be sent. */
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [k, m] of Object.entries(validate(values, today, t, { needsLodging: opts.needsLodging }))) if (m) found[k] = m;
    validateMembers(values, members, today, t).forEach((errs, i) => {
      for (const [k, m] of Object.entries(errs)) if (m) found[memberPrefix(i) + k] = m;
    });
    Object.assign(found, checkErrors);
    setErrors(found);
    return found;
  };

  const load = (next: { values: Values; members: MemberValues[] }, errs: { errors: Errors; members: Errors[] }) => {
    setValues(next.values);
    setMembers(next.members);
    const all: Record<string, string | undefined> = { ...errs.errors };
    errs.members.forEach((e, i) => { for (const [k, m] of Object.entries(e)) all[memberPrefix(i) + k] = m; });
    setErrors(all);
    setCheckErrors({});
    setUncertain(new Set());
  };

  const reset = () => load({ values: withProposal(emptyValues(today), emptyValues(today)), members: [] }, { errors: {}, members: [] });

  const errorOf = (name: string) => errors[name] ?? checkErrors[name];
  const hasErrors = Object.values(errors).some(Boolean) || Object.keys(checkErrors).length > 0;
  return { hasErrors, values, members, set, setMember, applyScan, addMember, removeMember, check, load, reset, errorOf, uncertain, active, setActive, formRef, setErrors };
}

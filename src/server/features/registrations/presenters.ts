import { ancestorCodes } from '../../../domain/regions/codes';
import type { Actor } from '../../auth/actor';
import { abilities } from '../../policies';
import type { RegistrationRow } from './queries';

// A registration as the officer deciding on it sees it: everything the registrant gave
// (the officer checks NIB/NIK against its sources), the place by name, and what it may do.
export function presentRegistration(actor: Actor, r: RegistrationRow, names: Map<string, string>) {
  const [province, regency, district, village] = ancestorCodes(r.village_code).map((code) => names.get(code) ?? code);
  const can = abilities(actor, 'registration', { approve: 'approve', reject: 'reject' }, r);
  const pending = r.registration_status === 'pending';
  return {
    id: r.id, kind: r.kind, lodgingType: r.lodging_type, name: r.name, nib: r.nib ?? null, nik: r.nik ?? null, address: r.address,
    village: { code: r.village_code, name: village ?? '', district: district ?? '', regency: regency ?? '', province: province ?? '' },
    lat: r.lat === null || r.lat === undefined ? null : Number(r.lat), lng: r.lng === null || r.lng === undefined ? null : Number(r.lng),
    personInCharge: r.person_in_charge ?? null, phone: r.phone, email: r.contact_email ?? null, emailVerified: Boolean(r.email_verified_at),
    username: r.username ?? null, status: r.registration_status!, rejectedReason: r.rejected_reason ?? null,
    submittedAt: r.created_at, decidedAt: r.decided_at ?? null,
    abilities: { approve: can.approve && pending && Boolean(r.email_verified_at), reject: can.reject && pending },
  };
}

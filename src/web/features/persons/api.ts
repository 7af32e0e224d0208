import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Finding } from '../../../domain/access/findings';
import type { ReportKind } from '../../../domain/reports/kinds';
import type { Employment } from '../../api/types';

// A person's profile as GET /api/v1/persons/{id} sends it (null: withheld by the field matrix).

export interface PersonLodging { id: string; name: string }
export interface Person {
  id: string;
  identity: { surname: string | null; givenNames: string | null; sex: 'M' | 'F' | 'X' | null; nationality: string | null };
  dateOfBirth: string | null;
  documents: { type: string; number: string; issuingState: string; expiryDate: string }[] | null;
  reportedIdentities: {
    surname: string | null; givenNames: string | null; sex: 'M' | 'F' | 'X' | null; nationality: string | null;
    dateOfBirth: string | null; lodgings: PersonLodging[] | null;
  }[];
  whereabouts: { status: 'present' | 'departed' | 'unknown'; lodging: PersonLodging | null; since: string | null; departedOn: string | null } | null;
  permit: { status: 'valid' | 'expiring' | 'expired' | null; kind: string | null; validUntil: string | null } | null;
  timeline: {
    stayId: string; regionCode: string; arrivalDate: string | null; departureDate: string | null; present: boolean;
    lodging: PersonLodging | null; permitKind: string | null; findings: Finding[];
    /** lodging | work | residence; employment only for who sees the `employment` group */
    reportKind?: ReportKind; employment?: Employment | null;
  }[];
}

/** Loads the profile only once a purpose is given; the purpose travels in X-Access-Purpose. */
export function usePerson(id: string, purpose: string | null) {
  return useQuery({
    queryKey: ['person', id, purpose],
    enabled: purpose !== null,
    queryFn: ({ signal }) => api<Person>(`/api/v1/persons/${encodeURIComponent(id)}`, { signal, headers: { 'X-Access-Purpose': purpose ?? '' } }),
    retry: false,
    staleTime: Infinity,
  });
}

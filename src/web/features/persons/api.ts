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
  /** the zone of reportedAt and the events' times (the region's own, e.g. WITA) */
  zone?: string;
  reports?: {
    stayId: string; reportKind: string; reportedAt: string | null; user: string | null; org: PersonLodging; channel: 'direct' | 'import';
    document: { type: string; number: string; issuingState: string; expiryDate: string | null } | null;
  }[];
  permits?: { stayId: string; kind: string; number: string | null; validFrom: string | null; validUntil: string | null; status: 'valid' | 'expiring' | 'expired' }[] | null;
  /** sightings, alerts and cases naming the person, each only as the actor may see it */
  events?: PersonEvent[];
}

export interface PersonEvent {
  kind: 'sighting' | 'alert' | 'case'; id: string; date: string; at: string; regionCode: string; status: string;
  category: string | null; note: string | null; title: string | null; number: string | null; severity: string | null;
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

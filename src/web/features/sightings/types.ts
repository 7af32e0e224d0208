// Wire shapes of /api/v1/sightings (server: src/server/features/sightings/schemas.ts).
import type { ActivityCategory, SightingStatus } from '../../../domain/sightings';

export interface SightingInput {
  observedAt: string;
  location: { lat: number; lon: number; villageCode: string; rw?: string; rt?: string };
  subject: { name?: string; nationality?: string; description?: string };
  activity: { category: ActivityCategory; note?: string };
}

export interface Sighting {
  id: string; observedAt: string; createdAt: string; status: SightingStatus;
  location: { villageCode: string; villageName: string | null; lat: number | null; lon: number | null; rw: string | null; rt: string | null; exact: boolean };
  subject: { name: string | null; nationality: string | null; description: string | null };
  activity: { category: ActivityCategory; note: string | null };
  reporter: { name: string | null; agencyName: string | null };
  outcome: { personId: string | null; personName: string | null; caseId: string | null; reason: string | null; at: string | null; by: string | null };
  hasPhoto: boolean;
  abilities: { link: boolean; dismiss: boolean; openCase: boolean; attachPhoto: boolean };
}

export interface SightingPage { items: Sighting[]; total: number; page: number; pageSize: number }

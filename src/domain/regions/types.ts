// Mirrors the column types in server/db/schema.ts; domain code must not import the server.
export type RegionLevel = 1 | 2 | 3 | 4;
export type TimeZoneName = 'WIB' | 'WITA' | 'WIT';
export type IanaZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

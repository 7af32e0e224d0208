// Shared shapes of the MRZ reader. Pure types: used by the reader (src/domain/mrz),
// the synthetic page generator, the benchmark, the CLI and the browser worker.

/** An RGBA image as the browser's ImageData has it (4 bytes a pixel, row-major). */
export interface RgbaImage { width: number; height: number; data: Uint8ClampedArray | Uint8Array }

export type MrzKind = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

export type MrzFieldName =
  | 'documentCode' | 'issuingState' | 'lastName' | 'firstName' | 'documentNumber' | 'nationality'
  | 'birthDate' | 'sex' | 'expirationDate' | 'personalNumber';

/** Fields cleaned as the `mrz` package's parse() does (fillers removed, dates YYMMDD, sex as printed). */
export type MrzFields = Record<MrzFieldName, string> & { optionalData2?: string };

export interface MrzReading {
  /** true only when every check digit holds and no field is uncertain */
  valid: boolean;
  kind: MrzKind | null;
  lines: string[];
  fields: MrzFields | null;
  /** fields whose best and second-best readings both validate, or whose letters are of low confidence */
  uncertain: MrzFieldName[];
  /** per line, per character: probability of the chosen character */
  confidences: number[][];
  /** characters [line, index] that made their field uncertain or failing (absent: not told) */
  doubtful?: Array<[number, number]>;
  /** why a retake is advised, when it is: 'too_small' | 'blurred' | 'too_dark' | 'not_found' */
  retake?: 'too_small' | 'blurred' | 'too_dark' | 'not_found';
  ms: number;
}

import type { MessageKey } from './i18n/messages';

// One module of error factories. Commands and policies throw these; the HTTP layer
// (server/http/problems.ts) turns them into RFC 9457 problem+json in the caller's language.

export type ProblemCode =
  | 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large'
  | 'rate_limited' | 'unsupported_media_type' | 'uri_too_long' | 'header_too_large' | 'timeout' | 'internal';

export interface FieldError { field: string; key: MessageKey; params?: Record<string, string | number> }

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly fieldErrors: FieldError[] = [],
    readonly detailKey?: MessageKey,
    readonly detailParams: Record<string, string | number> = {},
    /** extension members of the problem document (RFC 9457 §3.2), e.g. `existing` of a duplicate */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code + (fieldErrors.length ? `: ${fieldErrors.map((e) => e.field).join(', ')}` : ''));
  }
}

export const validation = (errors: FieldError[]) => new AppError(400, 'validation', errors);
export const fieldInvalid = (field: string, key: MessageKey, params?: Record<string, string | number>) =>
  validation([{ field, key, params }]);
export const unauthenticated = (errors: FieldError[] = []) => new AppError(401, 'unauthenticated', errors);
export const forbidden = (detailKey?: MessageKey) => new AppError(403, 'forbidden', [], detailKey);
export const notFound = () => new AppError(404, 'not_found');
export const conflict = (detailKey?: MessageKey, errors: FieldError[] = []) => new AppError(409, 'conflict', errors, detailKey);

/** Collects field errors and throws them together, so a form shows every problem at once. */
export class FieldErrors {
  private readonly list: FieldError[] = [];
  add(field: string, key: MessageKey, params?: Record<string, string | number>): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, key, params });
  }
  has(field: string): boolean { return this.list.some((e) => e.field === field); }
  throwIfAny(): void { if (this.list.length) throw validation(this.list); }
}

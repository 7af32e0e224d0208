import i18n from '../i18n';

export interface FieldError { field: string; message: string }

/** A problem+json answer (RFC 9457) or a network failure, as one error type. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** the whole problem document, for extension members such as a duplicate's `existing` */
  readonly problem: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fieldErrors: FieldError[] = [], problem: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.problem = problem;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Server field paths may come as `guest.surname`, `/guest/surname` or `body.guest.surname`. */
export function normaliseFieldPath(field: string): string {
  let f = field.trim();
  if (f.startsWith('/')) f = f.slice(1).split('/').join('.');
  if (f.startsWith('body.')) f = f.slice(5);
  return f.replace(/\[(\d+)\]/g, '.$1');
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language?.startsWith('en') ? 'en' : 'id',
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const p = (payload ?? {}) as { code?: string; title?: string; detail?: string; errors?: FieldError[] };
    const fieldErrors = Array.isArray(p.errors)
      ? p.errors.map((e) => ({ field: normaliseFieldPath(String(e.field ?? '')), message: String(e.message ?? '') }))
      : [];
    const message = p.detail || p.title || i18n.t(`errors.status.${response.status}`, { defaultValue: i18n.t('errors.generic') });
    throw new ApiError(response.status, p.code ?? String(response.status), message, fieldErrors, p as Record<string, unknown>);
  }
  return payload as T;
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') usp.set(k, String(v));
  const s = usp.toString();
  return s ? `?${s}` : '';
}

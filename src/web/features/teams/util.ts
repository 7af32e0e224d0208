import { ApiError } from '../../api/client';

/** "+08:00" for WITA: a local date-time typed in the team's zone becomes an instant. */
export const zoneOffset = (tz: string) => ({ WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' }[tz] ?? '+07:00');

/** The message to show for a failed request: the first field's, or the problem's. */
export const errorText = (err: unknown) => (err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err));

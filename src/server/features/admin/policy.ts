import { allow } from '../../policies';

// Administration is the administrator's; the audit trail is the auditor's.
allow('agency', 'manage', (actor) => actor.role === 'admin');
allow('user', 'manage', (actor) => actor.role === 'admin');
allow('audit', 'view', (actor) => actor.role === 'auditor');

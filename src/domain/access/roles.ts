// The roles a user account can have (DESIGN.md "Who uses it"). Shared by server, web and CLI.

export const ROLES = ['admin', 'immigration_officer', 'timpora_member', 'field_officer', 'reporter', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

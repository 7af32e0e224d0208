export { evaluateRules, RULES, daysBetween } from './rules';
export { DEFAULT_RULE_SETTINGS, type RuleSettings } from './settings';
export { RULE_IDS, type IdentityClaim, type PersonFacts, type ReportKind, type RuleHit, type RuleId, type Severity, type SightingFact, type StayFact } from './types';

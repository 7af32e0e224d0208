import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

// Scope inside the query: a reusable fragment that restricts a list to an area
// (the region itself and every region below it). No area: nothing matches.
export function regionWithin<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>, column: string, areaCode: string | null,
): Expression<SqlBool> {
  if (!areaCode) return sql<SqlBool>`1 = 0`;
  const ref = eb.ref(column as any);
  return eb.or([eb(ref, '=', areaCode), eb(ref, 'like', `${areaCode}.%`)]);
}

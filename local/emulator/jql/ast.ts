/** The JQL subset the emulator understands, as a syntax tree. */
export type JqlOperator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

/** A field as written: a name (`status`, `"Story point estimate"`, `cf[10016]`) or an entity property reference. */
export type JqlField =
  | { kind: 'name'; name: string }
  | { kind: 'property'; propertyKey: string; path: string };

export type JqlOperand =
  | { kind: 'value'; value: string; quoted: boolean }
  | { kind: 'empty' }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'list'; items: JqlOperand[] };

export type JqlClause = { kind: 'clause'; field: JqlField; operator: JqlOperator; operand: JqlOperand; position: number };
export type JqlExpr = JqlClause | { kind: 'and' | 'or'; left: JqlExpr; right: JqlExpr } | { kind: 'not'; expr: JqlExpr };
export type JqlOrder = { field: JqlField; direction: 'asc' | 'desc' };
export type JqlQuery = { where: JqlExpr | null; orderBy: JqlOrder[] };

/** A query Jira would refuse; the message reads like Jira's own. */
export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

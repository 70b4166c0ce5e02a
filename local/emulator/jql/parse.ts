import { JqlError, type JqlClause, type JqlExpr, type JqlField, type JqlOperand, type JqlOperator, type JqlOrder, type JqlQuery } from './ast';
import { tokenize, type Token } from './tokenize';

const MAX_DEPTH = 50;
const tx = (t: Token) => (t.type === 'property' ? '' : t.text);
const lower = (t: Token) => (t.type === 'word' ? t.text.toLowerCase() : '');
const describe = (t: Token) => (t.type === 'eof' ? 'end of query' : t.type === 'property' ? `issue.property[${t.propertyKey}]` : `'${t.text}'`);
const where = (t: Token) => `(line 1, character ${t.pos + 1})`;

/** Parses the JQL subset into a tree; anything outside it is a JqlError with a Jira-like message. */
export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i]!;
  const next = () => tokens[i++]!;
  const isWord = (w: string, t = peek()) => lower(t) === w;
  const fail = (expected: string, t = peek()): never => {
    throw new JqlError(`Error in the JQL Query: Expecting ${expected} but got ${describe(t)}. ${where(t)}`);
  };

  function field(): JqlField {
    const t = next();
    if (t.type === 'property') return { kind: 'property', propertyKey: t.propertyKey, path: t.path };
    if (t.type === 'string') return { kind: 'name', name: t.text };
    if (t.type === 'word' && !['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by'].includes(lower(t))) return { kind: 'name', name: t.text };
    return fail('a field name', t);
  }

  function operator(): JqlOperator {
    const t = next();
    if (t.type === 'op') return tx(t) as JqlOperator;
    const w = lower(t);
    if (w === 'in') return 'in';
    if (w === 'is') {
      if (isWord('not')) {
        next();
        return 'is not';
      }
      return 'is';
    }
    if (w === 'not' && isWord('in')) {
      next();
      return 'not in';
    }
    if (['was', 'changed'].includes(w)) throw new JqlError(`Error in the JQL Query: The emulator does not support the '${w.toUpperCase()}' operator (history search). ${where(t)}`);
    return fail("operator such as '=', '!=', '~', '>', 'in', 'not in', 'is'", t);
  }

  function functionArgs(): string[] {
    next(); // (
    const args: string[] = [];
    if (peek().type === 'punct' && tx(peek()) === ')') {
      next();
      return args;
    }
    for (;;) {
      const a = next();
      if (a.type !== 'word' && a.type !== 'string') fail('a function argument', a);
      args.push((a as { text: string }).text);
      const sep = next();
      if (sep.type === 'punct' && sep.text === ')') return args;
      if (!(sep.type === 'punct' && sep.text === ',')) fail("',' or ')'", sep);
    }
  }

  function singleOperand(): JqlOperand {
    const t = next();
    if (t.type === 'string') return { kind: 'value', value: t.text, quoted: true };
    if (t.type === 'word') {
      const w = lower(t);
      if (w === 'empty' || w === 'null') return { kind: 'empty' };
      if (['and', 'or', 'order', 'not', 'in', 'is'].includes(w)) return fail('either a value, list or function', t);
      const after = peek();
      if (after.type === 'punct' && after.text === '(') return { kind: 'function', name: t.text, args: functionArgs() };
      return { kind: 'value', value: t.text, quoted: false };
    }
    return fail('either a value, list or function', t);
  }

  function operand(op: JqlOperator): JqlOperand {
    const t = peek();
    if (t.type === 'punct' && t.text === '(') {
      next();
      const items: JqlOperand[] = [];
      for (;;) {
        items.push(singleOperand());
        const sep = next();
        if (sep.type === 'punct' && sep.text === ')') break;
        if (!(sep.type === 'punct' && sep.text === ',')) fail("',' or ')'", sep);
        if (items.length > 1000) throw new JqlError('Error in the JQL Query: A list may hold at most 1000 values.');
      }
      if (op !== 'in' && op !== 'not in') throw new JqlError(`Error in the JQL Query: The operator '${op}' does not support a list of values. ${where(t)}`);
      return { kind: 'list', items };
    }
    return singleOperand();
  }

  function clause(): JqlClause {
    const start = peek();
    const f = field();
    const op = operator();
    const value = operand(op);
    if ((op === 'is' || op === 'is not') && value.kind !== 'empty') throw new JqlError(`Error in the JQL Query: The operator '${op.toUpperCase()}' only supports EMPTY or NULL. ${where(start)}`);
    if ((op === 'in' || op === 'not in') && value.kind !== 'list' && value.kind !== 'function')
      throw new JqlError(`Error in the JQL Query: The operator '${op.toUpperCase()}' needs a list of values such as (A, B). ${where(start)}`);
    return { kind: 'clause', field: f, operator: op, operand: value, position: start.pos };
  }

  function primary(): JqlExpr {
    if (++depth > MAX_DEPTH) throw new JqlError('Error in the JQL Query: The query is nested too deeply.');
    try {
      const t = peek();
      if (isWord('not') || (t.type === 'op' && tx(t) === '!')) {
        next();
        return { kind: 'not', expr: primary() };
      }
      if (t.type === 'punct' && t.text === '(') {
        next();
        const inner = orExpr();
        const close = next();
        if (!(close.type === 'punct' && close.text === ')')) fail("')'", close);
        return inner;
      }
      return clause();
    } finally {
      depth--;
    }
  }

  function andExpr(): JqlExpr {
    let left = primary();
    while (isWord('and') || (peek().type === 'op' && tx(peek()) === '&&')) {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }

  function orExpr(): JqlExpr {
    let left = andExpr();
    while (isWord('or')) {
      next();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }

  function orderBy(): JqlOrder[] {
    next(); // order
    if (!isWord('by')) fail("'by'");
    next();
    const out: JqlOrder[] = [];
    for (;;) {
      const f = field();
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord('asc') || isWord('desc')) direction = lower(next()) as 'asc' | 'desc';
      out.push({ field: f, direction });
      if (peek().type === 'punct' && tx(peek()) === ',') {
        next();
        continue;
      }
      return out;
    }
  }

  const whereExpr = peek().type === 'eof' || isWord('order') ? null : orExpr();
  const order = isWord('order') ? orderBy() : [];
  if (peek().type !== 'eof') fail(whereExpr ? "'AND', 'OR' or 'ORDER BY'" : 'end of query');
  return { where: whereExpr, orderBy: order };
}

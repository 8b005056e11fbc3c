/**
 * A deliberately small formula evaluator: literals, cell and range references (same or other
 * sheet), + - * / ^ & and comparisons, and SUM COUNT COUNTA AVERAGE MIN MAX IF IFERROR AND OR NOT
 * CONCATENATE CONCAT LEN UPPER LOWER TRIM ROUND ABS ISBLANK NOW TODAY. Any other function gives
 * "#NAME?" and a syntax error "#ERROR!", as Sheets shows them.
 */
import { lettersToColumn } from './a1';

export interface FDate {
  date: number;
}
export interface FError {
  error: string;
}
export type FValue = string | number | boolean | null | FDate | FError;

export interface FormulaEnv {
  /** Value of one cell (null when empty); sheet null = the formula's own sheet. */
  cell(sheet: string | null, row: number, col: number): FValue;
  /** Number of rows/cols of a sheet, for open ranges; null when the sheet does not exist. */
  size(sheet: string | null): { rows: number; cols: number } | null;
  now(): number;
  /** Serial ↔ epoch for date arithmetic. */
  toSerial(ms: number): number;
  startOfToday(): number;
}

type Node =
  | { t: 'lit'; v: FValue }
  | { t: 'ref'; sheet: string | null; r1: number; c1: number; r2: number; c2: number; range: boolean }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'fn'; name: string; args: Node[] };

class ParseError extends Error {}

const isErr = (v: unknown): v is FError => typeof v === 'object' && v !== null && 'error' in v;
const isDateV = (v: FValue): v is FDate => typeof v === 'object' && v !== null && 'date' in v;

type Tok =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; v: string }
  | { k: 'id'; v: string }
  | { k: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const refRe =
    /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})/;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new ParseError();
      toks.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ParseError();
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      toks.push({ k: 'str', v: s });
      continue;
    }
    const rest = src.slice(i);
    const rm = refRe.exec(rest);
    if (rm) {
      const after = rest[rm[0].length];
      if (after !== '(' && !(after && /[A-Za-z0-9_]/.test(after))) {
        toks.push({ k: 'ref', v: rm[0] });
        i += rm[0].length;
        continue;
      }
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (id) {
      toks.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),:%])/.exec(rest);
    if (op) {
      toks.push({ k: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new ParseError();
  }
  return toks;
}

function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => {
    const t = toks[p];
    return !!t && t.k === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new ParseError();
    p++;
  };
  const comparison = (): Node => {
    let a = concat();
    for (;;) {
      const t = peek();
      if (t && t.k === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
        p++;
        a = { t: 'bin', op: t.v, a, b: concat() };
      } else return a;
    }
  };
  const concat = (): Node => {
    let a = additive();
    while (isOp('&')) {
      p++;
      a = { t: 'bin', op: '&', a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = multiplicative();
    for (;;) {
      if (isOp('+') || isOp('-')) {
        const op = (toks[p++] as { v: string }).v;
        a = { t: 'bin', op, a, b: multiplicative() };
      } else return a;
    }
  };
  const multiplicative = (): Node => {
    let a = power();
    for (;;) {
      if (isOp('*') || isOp('/')) {
        const op = (toks[p++] as { v: string }).v;
        a = { t: 'bin', op, a, b: power() };
      } else return a;
    }
  };
  const power = (): Node => {
    let a = unary();
    while (isOp('^')) {
      p++;
      a = { t: 'bin', op: '^', a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-') || isOp('+')) {
      const op = (toks[p++] as { v: string }).v;
      return { t: 'un', op, a: unary() };
    }
    let a = primary();
    while (isOp('%')) {
      p++;
      a = { t: 'bin', op: '/', a, b: { t: 'lit', v: 100 } };
    }
    return a;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new ParseError();
    if (t.k === 'num') return { t: 'lit', v: t.v };
    if (t.k === 'str') return { t: 'lit', v: t.v };
    if (t.k === 'ref') return refNode(t.v);
    if (t.k === 'id') {
      if (isOp('(')) {
        p++;
        const args: Node[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(comparison());
            if (isOp(',')) {
              p++;
              continue;
            }
            break;
          }
        }
        expect(')');
        return { t: 'fn', name: t.v.toUpperCase(), args };
      }
      const up = t.v.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') return { t: 'lit', v: up === 'TRUE' };
      return { t: 'lit', v: { error: '#NAME?' } };
    }
    if (t.k === 'op' && t.v === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    throw new ParseError();
  };
  const e = comparison();
  if (p !== toks.length) throw new ParseError();
  return e;
}

function refNode(text: string): Node {
  let sheet: string | null = null;
  let ref = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = text.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, '').split(':');
  const cell = (s: string): { r: number | null; c: number } => {
    const m = /^([A-Za-z]{1,3})(\d+)?$/.exec(s) as RegExpExecArray;
    return { c: lettersToColumn(m[1]), r: m[2] ? Number(m[2]) : null };
  };
  const a = cell(parts[0]);
  const b = parts[1] ? cell(parts[1]) : a;
  const open = a.r === null || b.r === null;
  return {
    t: 'ref',
    sheet,
    r1: a.r ?? 1,
    c1: Math.min(a.c, b.c),
    r2: open ? -1 : Math.max(a.r as number, b.r as number),
    c2: Math.max(a.c, b.c),
    range: parts.length > 1,
  };
}

const E = (code: string): FError => ({ error: code });

export function evaluateFormula(formula: string, env: FormulaEnv): FValue {
  let node: Node;
  try {
    node = parse(formula.replace(/^=/, ''));
  } catch (e) {
    if (e instanceof ParseError) return E('#ERROR!');
    throw e;
  }
  try {
    const v = evalNode(node, env);
    return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
  } catch (e) {
    if (e instanceof ParseError) return E('#ERROR!');
    throw e;
  }
}

type Val = FValue | FValue[][];

function rangeValues(n: Extract<Node, { t: 'ref' }>, env: FormulaEnv): FValue[][] | FError {
  const size = env.size(n.sheet);
  if (!size) return E('#REF!');
  const r2 = n.r2 < 0 ? size.rows : n.r2;
  const out: FValue[][] = [];
  for (let r = n.r1; r <= r2; r++) {
    const row: FValue[] = [];
    for (let c = n.c1; c <= n.c2; c++) row.push(env.cell(n.sheet, r, c));
    out.push(row);
  }
  return out;
}

function evalNode(n: Node, env: FormulaEnv): Val {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'ref': {
      if (!n.range) {
        if (!env.size(n.sheet)) return E('#REF!');
        return env.cell(n.sheet, n.r1, n.c1);
      }
      return rangeValues(n, env);
    }
    case 'un': {
      const a = scalar(evalNode(n.a, env));
      if (isErr(a)) return a;
      const x = toNum(a, env);
      if (isErr(x)) return x;
      return n.op === '-' ? -x : x;
    }
    case 'bin':
      return binary(n.op, scalar(evalNode(n.a, env)), scalar(evalNode(n.b, env)), env);
    case 'fn':
      return callFn(n.name, n.args, env);
  }
}

function scalar(v: Val): FValue {
  if (Array.isArray(v)) return v.length === 1 && v[0].length === 1 ? v[0][0] : E('#VALUE!');
  return v;
}

function toNum(v: FValue, env: FormulaEnv): number | FError {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isDateV(v)) return env.toSerial(v.date);
  if (isErr(v)) return v;
  const s = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return E('#VALUE!');
}

function toText(v: FValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  if (isDateV(v)) return String(v.date);
  if (isErr(v)) return v.error;
  return v;
}

function binary(op: string, a: FValue, b: FValue, env: FormulaEnv): FValue {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === '&') return toText(a) + toText(b);
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    let c: number;
    const na = typeof a === 'number' || isDateV(a) ? toNum(a, env) : null;
    const nb = typeof b === 'number' || isDateV(b) ? toNum(b, env) : null;
    if (typeof na === 'number' && typeof nb === 'number') c = na - nb;
    else {
      const sa = toText(a).toLowerCase();
      const sb = toText(b).toLowerCase();
      c = sa < sb ? -1 : sa > sb ? 1 : 0;
    }
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const x = toNum(a, env);
  const y = toNum(b, env);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? E('#DIV/0!') : x / y;
    default:
      return Math.pow(x, y);
  }
}

function flatten(args: Node[], env: FormulaEnv): { values: FValue[]; fromRange: boolean[] } {
  const values: FValue[] = [];
  const fromRange: boolean[] = [];
  for (const a of args) {
    const v = evalNode(a, env);
    if (Array.isArray(v)) {
      for (const row of v) {
        for (const x of row) {
          values.push(x);
          fromRange.push(true);
        }
      }
    } else {
      values.push(v);
      fromRange.push(a.t === 'ref');
    }
  }
  return { values, fromRange };
}

function numbersOf(args: Node[], env: FormulaEnv): number[] | FError {
  const { values, fromRange } = flatten(args, env);
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isErr(v)) return v;
    if (fromRange[i]) {
      if (typeof v === 'number') out.push(v);
      else if (isDateV(v)) out.push(env.toSerial(v.date));
      continue;
    }
    const n = toNum(v, env);
    if (isErr(n)) return n;
    out.push(n);
  }
  return out;
}

function callFn(name: string, args: Node[], env: FormulaEnv): Val {
  const arg = (i: number): FValue => (args[i] ? scalar(evalNode(args[i], env)) : null);
  switch (name) {
    case 'SUM': {
      const ns = numbersOf(args, env);
      return isErr(ns) ? ns : ns.reduce((s, x) => s + x, 0);
    }
    case 'AVERAGE': {
      const ns = numbersOf(args, env);
      if (isErr(ns)) return ns;
      return ns.length ? ns.reduce((s, x) => s + x, 0) / ns.length : E('#DIV/0!');
    }
    case 'MIN':
    case 'MAX': {
      const ns = numbersOf(args, env);
      if (isErr(ns)) return ns;
      if (!ns.length) return 0;
      return name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
    }
    case 'COUNT': {
      const { values } = flatten(args, env);
      return values.filter((v) => typeof v === 'number' || isDateV(v)).length;
    }
    case 'COUNTA': {
      const { values } = flatten(args, env);
      return values.filter((v) => v !== null && v !== '').length;
    }
    case 'IF': {
      const c = arg(0);
      if (isErr(c)) return c;
      const truthy = typeof c === 'string' ? c !== '' : Boolean(isDateV(c) ? 1 : c);
      return truthy ? (args[1] ? arg(1) : true) : args[2] ? arg(2) : false;
    }
    case 'IFERROR': {
      const v = arg(0);
      return isErr(v) ? arg(1) : v;
    }
    case 'AND':
    case 'OR': {
      const { values } = flatten(args, env);
      const bools = values.filter((v) => v !== null && v !== '').map((v) => Boolean(v));
      return name === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
    }
    case 'NOT':
      return !arg(0);
    case 'CONCATENATE':
    case 'CONCAT': {
      const { values } = flatten(args, env);
      return values.map(toText).join('');
    }
    case 'LEN':
      return toText(arg(0)).length;
    case 'UPPER':
      return toText(arg(0)).toUpperCase();
    case 'LOWER':
      return toText(arg(0)).toLowerCase();
    case 'TRIM':
      return toText(arg(0)).trim().replace(/\s+/g, ' ');
    case 'ROUND': {
      const x = toNum(arg(0), env);
      const d = toNum(arg(1), env);
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      const f = Math.pow(10, d);
      return Math.round(x * f) / f;
    }
    case 'ABS': {
      const x = toNum(arg(0), env);
      return isErr(x) ? x : Math.abs(x);
    }
    case 'ISBLANK': {
      const v = arg(0);
      return v === null;
    }
    case 'NOW':
      return { date: env.now() };
    case 'TODAY':
      return { date: env.startOfToday() };
    default:
      return E('#NAME?');
  }
}

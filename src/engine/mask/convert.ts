/**
 * jsep's syntax tree → mask expression tree, with the source span of every node made, and errors
 * (unknown names, functions, operators, unsupported syntax) at the span of the mistake.
 */
import type jsep from 'jsep';
import {
  MASK_FUNCTIONS,
  MASK_VARIABLES,
  type ArithmeticOp,
  type CompareOp,
  type MaskExpr,
  type MaskFunction,
  type MaskVariable,
} from './expr';
import { formulaMessage, tableRankError, type FormulaErrorCode, type FormulaMessage, type FormulaValues } from './errors';
import type { Span } from './spans';

/** Which names a formula may use. */
export interface ParseAllowed {
  /** Index variables, e.g. ['q', 'k', 'b', 'h', 'Lq', 'Lk']. */
  variables: readonly MaskVariable[];
  /** Named parameters and their values, e.g. { W: 4 }. */
  parameters: Readonly<Record<string, number>>;
  /** Tables and their ranks, e.g. { docId: 2 } for docId[b][q]. */
  tables?: Readonly<Record<string, number>>;
}

export interface ConvertContext {
  source: string;
  allowed: ParseAllowed;
  /** Spans of jsep token nodes (see spans.ts). */
  spans: Map<jsep.Expression, Span>;
  /** jsep binary/conditional nodes written in parentheses. */
  grouped: Set<jsep.Expression>;
  /** Filled in: the span of every mask node made. */
  exprSpans: Map<MaskExpr, Span>;
}

/** A user error (code, values, English message) at a span of the source. */
export class ParseFailure extends Error {
  readonly span: Span;
  readonly formula: FormulaMessage;
  constructor(formula: FormulaMessage, span: Span) {
    super(formula.message);
    this.formula = formula;
    this.span = span;
  }
}

function failure(code: FormulaErrorCode, values: FormulaValues, span: Span, hint?: FormulaMessage): ParseFailure {
  return new ParseFailure(formulaMessage(code, values, hint), span);
}

const ARITHMETIC = new Set<string>(['+', '-', '*', '/', '%']);
const COMPARE: Readonly<Record<string, CompareOp>> = {
  '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '!=': '!=', '===': '==', '!==': '!=',
};
const LOGICAL: Readonly<Record<string, 'and' | 'or'>> = { '&&': 'and', and: 'and', '||': 'or', or: 'or' };
const OPERATOR_HINTS: Readonly<Record<string, FormulaErrorCode>> = {
  '&': 'opAmpersand',
  '|': 'opPipe',
  '**': 'opPower',
  '^': 'opCaret',
  '~': 'opTilde',
};
const FUNCTIONS = MASK_FUNCTIONS.join(', ');

/** The error for an operator a mask cannot use. */
function operatorFailure(op: string, span: Span): ParseFailure {
  const code = OPERATOR_HINTS[op];
  return code ? failure(code, {}, span) : failure('unsupportedOperator', { op }, span);
}

/**
 * Converts a jsep tree.
 * @throws ParseFailure (message and span) for anything a mask cannot contain.
 */
export function convert(node: jsep.Expression, context: ConvertContext): MaskExpr {
  const expr = convertNode(node as jsep.CoreExpression, context);
  if (!context.exprSpans.has(expr)) context.exprSpans.set(expr, spanOf(node, context));
  return expr;
}

function convertNode(node: jsep.CoreExpression, context: ConvertContext): MaskExpr {
  const fail = (code: FormulaErrorCode, values: FormulaValues = {}, span = spanOf(node, context)) => failure(code, values, span);
  switch (node.type) {
    case 'Literal':
      return literal(node, fail);
    case 'Identifier':
      return identifier(node.name, spanOf(node, context), context);
    case 'UnaryExpression':
      return unary(node, context);
    case 'BinaryExpression':
      return binary(node, context);
    case 'ConditionalExpression':
      return {
        kind: 'conditional',
        test: convert(node.test, context),
        then: convert(node.consequent, context),
        else: convert(node.alternate, context),
      };
    case 'CallExpression':
      return callExpression(node, context);
    case 'MemberExpression':
      return member(node, context);
    case 'Compound':
      throw fail('twoExpressions', {}, spanOf(node.body[1] ?? node, context));
    case 'SequenceExpression':
      throw fail('comma');
    case 'ArrayExpression':
      throw fail('list');
    case 'ThisExpression':
      throw unknownName('this', context.allowed, spanOf(node, context));
    default:
      throw fail('unsupportedSyntax', { text: context.source.slice(spanOf(node, context).start, spanOf(node, context).end) });
  }
}

/** [start, end) of a jsep node: recorded for tokens, derived from children for operators. */
export function spanOf(node: jsep.Expression, context: ConvertContext): Span {
  const recorded = context.spans.get(node);
  if (recorded) return recorded;
  const n = node as jsep.CoreExpression;
  switch (n.type) {
    case 'BinaryExpression':
      return { start: spanOf(n.left, context).start, end: spanOf(n.right, context).end };
    case 'ConditionalExpression':
      return { start: spanOf(n.test, context).start, end: spanOf(n.alternate, context).end };
    case 'Compound': {
      const first = n.body[0];
      const last = n.body[n.body.length - 1];
      if (first && last) return { start: spanOf(first, context).start, end: spanOf(last, context).end };
      return { start: 0, end: context.source.length };
    }
    default:
      return { start: 0, end: context.source.length };
  }
}

function literal(node: jsep.Literal, fail: (code: FormulaErrorCode, values?: FormulaValues) => ParseFailure): MaskExpr {
  if (typeof node.value === 'number') return { kind: 'number', value: node.value };
  if (typeof node.value === 'boolean') return { kind: 'boolean', value: node.value };
  if (typeof node.value === 'string') throw fail('quotes');
  throw fail('literal', { raw: node.raw });
}

function identifier(name: string, span: Span, context: ConvertContext): MaskExpr {
  const { allowed } = context;
  if ((allowed.variables as readonly string[]).includes(name)) return { kind: 'variable', name: name as MaskVariable };
  const value = Object.hasOwn(allowed.parameters, name) ? allowed.parameters[name] : undefined;
  if (value !== undefined) return { kind: 'parameter', name, value };
  if (allowed.tables && Object.hasOwn(allowed.tables, name)) {
    const rank = allowed.tables[name] ?? 1;
    throw failure('isTable', { name, form: `${name}${'[…]'.repeat(rank)}` }, span);
  }
  if ((MASK_FUNCTIONS as readonly string[]).includes(name)) throw failure('isFunction', { name }, span);
  if ((MASK_VARIABLES as readonly string[]).includes(name)) throw failure('notAvailable', { name }, span, namesHint(allowed));
  throw unknownName(name, allowed, span);
}

/** "unknown name 'x': use q, k, b, h, Lq, Lk or a parameter (W)", with a did-you-mean. */
function unknownName(name: string, allowed: ParseAllowed, span: Span): ParseFailure {
  const known = [...allowed.variables, ...Object.keys(allowed.parameters), ...Object.keys(allowed.tables ?? {})];
  const close = known.find((k) => k.toLowerCase() === name.toLowerCase());
  return close
    ? failure('unknownNameSuggest', { name, suggestion: close }, span, namesHint(allowed))
    : failure('unknownName', { name }, span, namesHint(allowed));
}

/** The names a formula may use, as the hint of an unknown-name error. */
function namesHint(allowed: ParseAllowed): FormulaMessage {
  const parameters = Object.keys(allowed.parameters).join(', ');
  const tables = Object.keys(allowed.tables ?? {}).map((t) => `${t}[…]`).join(', ');
  const variables = allowed.variables.join(', ');
  if (parameters && tables) return formulaMessage('namesParametersTables', { variables, parameters, tables });
  if (parameters) return formulaMessage('namesParameters', { variables, parameters });
  if (tables) return formulaMessage('namesTables', { variables, tables });
  return formulaMessage('namesVariables', { variables });
}

function unary(node: jsep.UnaryExpression, context: ConvertContext): MaskExpr {
  const span = spanOf(node, context);
  const opSpan = { start: span.start, end: span.start + node.operator.length };
  const arg = convert(node.argument, context);
  switch (node.operator) {
    case '!':
    case 'not':
      return { kind: 'not', arg };
    case '+':
      return arg;
    case '-': {
      if (arg.kind === 'number') return { kind: 'number', value: -arg.value };
      const zero: MaskExpr = { kind: 'number', value: 0 };
      context.exprSpans.set(zero, opSpan);
      return { kind: 'arithmetic', op: '-', left: zero, right: arg };
    }
    default:
      throw operatorFailure(node.operator, opSpan);
  }
}

function binary(node: jsep.BinaryExpression, context: ConvertContext): MaskExpr {
  const op = node.operator;
  const logical = LOGICAL[op];
  if (logical) {
    const operands = [...flatten(node.left, logical, context), ...flatten(node.right, logical, context)];
    return { kind: 'logical', op: logical, args: operands.map((o) => convert(o, context)) };
  }
  const compareOp = COMPARE[op];
  if (compareOp) return { kind: 'compare', op: compareOp, left: convert(node.left, context), right: convert(node.right, context) };
  if (ARITHMETIC.has(op)) {
    return { kind: 'arithmetic', op: op as ArithmeticOp, left: convert(node.left, context), right: convert(node.right, context) };
  }
  const from = spanOf(node.left, context).end;
  const found = context.source.indexOf(op, from);
  const start = found >= 0 ? found : from;
  throw operatorFailure(op, { start, end: start + op.length });
}

/** The operands of a chain `a && b && c` written without parentheses (jsep nests it to the left). */
function flatten(node: jsep.Expression, op: 'and' | 'or', context: ConvertContext): jsep.Expression[] {
  const n = node as jsep.CoreExpression;
  if (n.type === 'BinaryExpression' && LOGICAL[n.operator] === op && !context.grouped.has(n)) {
    return [...flatten(n.left, op, context), ...flatten(n.right, op, context)];
  }
  return [node];
}

function callExpression(node: jsep.CallExpression, context: ConvertContext): MaskExpr {
  const span = spanOf(node, context);
  const callee = node.callee as jsep.CoreExpression;
  if (callee.type !== 'Identifier') {
    const text = context.source.slice(span.start, span.end).split('(')[0]?.trim() ?? '';
    throw failure('notCallable', { text, functions: FUNCTIONS }, { start: span.start, end: span.start + text.length });
  }
  const name = callee.name;
  const nameStart = Math.max(span.start, context.source.indexOf(name, span.start));
  const nameSpan = { start: nameStart, end: nameStart + name.length };
  if (!(MASK_FUNCTIONS as readonly string[]).includes(name)) {
    const known = [...context.allowed.variables, ...Object.keys(context.allowed.parameters), ...Object.keys(context.allowed.tables ?? {})];
    throw failure(known.includes(name) ? 'notFunction' : 'unknownFunction', { name, functions: FUNCTIONS }, nameSpan);
  }
  return { kind: 'call', fn: name as MaskFunction, args: node.arguments.map((a) => convert(a, context)) };
}

function member(node: jsep.MemberExpression, context: ConvertContext): MaskExpr {
  const span = spanOf(node, context);
  const indices: jsep.Expression[] = [];
  let object: jsep.CoreExpression = node;
  while (object.type === 'MemberExpression' && object.computed && !object.optional) {
    indices.unshift(object.property);
    object = object.object as jsep.CoreExpression;
  }
  if (object.type === 'MemberExpression') {
    throw failure('dot', {}, span);
  }
  if (object.type !== 'Identifier') throw failure('indexNotTable', {}, span);
  const name = object.name;
  const nameStart = Math.max(span.start, context.source.indexOf(name, span.start));
  const nameSpan = { start: nameStart, end: nameStart + name.length };
  const rank = context.allowed.tables && Object.hasOwn(context.allowed.tables, name) ? context.allowed.tables[name] : undefined;
  if (rank === undefined) {
    const isKnown = (context.allowed.variables as readonly string[]).includes(name) || Object.hasOwn(context.allowed.parameters, name);
    throw isKnown ? failure('notTable', { name }, nameSpan) : unknownName(name, context.allowed, nameSpan);
  }
  if (rank !== indices.length) throw failure(...tableRankError(name, rank, indices.length), span);
  return { kind: 'lookup', table: name, indices: indices.map((i) => convert(i, context)) };
}

/**
 * jsep with source positions. jsep's nodes carry no positions, so two jsep hooks record them while
 * one of our parses runs:
 * - 'gobble-token' (runs at the first character of every token, after spaces) pushes the start;
 *   it also reads numeric literals itself, because jsep's own number path skips 'after-token';
 * - 'after-token' (runs when the token is complete, member/call suffixes included) pops the start
 *   and records [start, end) for the node, trailing spaces trimmed.
 * Tokens nest (unary operands, parenthesised groups, indices, arguments), and so does the stack.
 * A binary or conditional node that is itself a token was written in parentheses: it is recorded
 * as grouped (so `(a && b) && c` stays nested) and spans its outermost parentheses; any other node
 * in parentheses keeps its own span (`(x)` → x). Binary and conditional nodes without parentheses
 * get their span from their children's (left start to right end), see convert.ts.
 *
 * The hooks are registered once and do nothing outside our parses (other jsep users are not
 * affected); the word operators `and`, `or`, `not` are added for the duration of one parse and
 * removed afterwards (jsep's configuration is global).
 */
import jsep from 'jsep';

/** Character offsets in the source, [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface TrackedParse {
  ok: true;
  node: jsep.Expression;
  /** Spans of token nodes (identifiers, literals, unary, calls, members, parenthesised groups). */
  spans: Map<jsep.Expression, Span>;
  /** Binary/conditional nodes written in parentheses. */
  grouped: Set<jsep.Expression>;
}

export interface SyntaxFailure {
  ok: false;
  /** jsep's description, e.g. 'Expected expression after +'. */
  description: string;
  /** Where jsep stopped. */
  index: number;
}

interface Tracker {
  source: string;
  starts: number[];
  spans: Map<jsep.Expression, Span>;
  grouped: Set<jsep.Expression>;
}

let active: Tracker | null = null;
let hooksInstalled = false;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const PERIOD = 46;
const WORD_BINARY_OPS: Readonly<Record<string, number>> = { or: 1, and: 2 };
const WORD_UNARY_OPS = ['not'];

/**
 * Parses with jsep and records the span of every token node.
 * @returns the tree with spans, or jsep's syntax error (description and index). Never throws for
 * bad input.
 */
export function parseWithSpans(source: string): TrackedParse | SyntaxFailure {
  installHooks();
  const tracker: Tracker = { source, starts: [], spans: new Map(), grouped: new Set() };
  const restore = addWordOperators();
  active = tracker;
  try {
    const node = jsep(source);
    return { ok: true, node, spans: tracker.spans, grouped: tracker.grouped };
  } catch (error) {
    const { description, index } = error as { description?: unknown; index?: unknown };
    if (typeof description !== 'string' || typeof index !== 'number') throw error;
    return { ok: false, description, index };
  } finally {
    active = null;
    restore();
  }
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  jsep.hooks.add('gobble-token', function gobbleTokenStart(env) {
    if (!active) return;
    active.starts.push(this.index);
    const code = this.code;
    if ((code >= DIGIT_0 && code <= DIGIT_9) || code === PERIOD) env.node = this.gobbleNumericLiteral();
  });
  jsep.hooks.add('after-token', function afterToken(env) {
    if (!active) return;
    const start = active.starts.pop();
    const node = env.node;
    if (!node || start === undefined) return;
    const span = { start, end: trimEnd(active.source, start, this.index) };
    const isOperatorNode = node.type === 'BinaryExpression' || node.type === 'ConditionalExpression';
    if (isOperatorNode && active.source[start] === '(') {
      active.grouped.add(node);
      active.spans.set(node, span); // the outermost parentheses, recorded last
    } else if (!active.spans.has(node)) {
      active.spans.set(node, span); // `(x)`: x keeps its own span
    }
  });
}

function trimEnd(source: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(source[e - 1] ?? '')) e--;
  return e;
}

/** Adds `and`, `or` (as && and ||) and `not` (as !); returns a function that puts jsep back. */
function addWordOperators(): () => void {
  const savedBinary = Object.keys(WORD_BINARY_OPS).map((op) => [op, jsep.binary_ops[op]] as const);
  const savedUnary = WORD_UNARY_OPS.map((op) => [op, jsep.unary_ops[op] as unknown] as const);
  for (const [op, precedence] of Object.entries(WORD_BINARY_OPS)) jsep.addBinaryOp(op, precedence);
  for (const op of WORD_UNARY_OPS) jsep.addUnaryOp(op);
  return () => {
    for (const [op, before] of savedBinary) {
      if (before === undefined) jsep.removeBinaryOp(op);
      else jsep.addBinaryOp(op, before);
    }
    for (const [op, before] of savedUnary) if (before === undefined) jsep.removeUnaryOp(op);
  };
}

// Parse equation text with mathjs's parser (parse only: the evaluator is not bundled) and
// convert the result into the engine's own tree, refusing every construct the language
// does not have (assignments, blocks, strings, matrices, objects, property access...).
import { parse as mathParse } from '#mathjs';
import type { BinOp, Expr, Sub } from './ast.ts';
import { canonicalName } from './names.ts';
import { BUILTINS } from './builtins.ts';
import { bracketDepth, depthMessage, ENGINE_LIMITS, isStackOverflow } from './limits.ts';


/** A parse failure: message and 0-based position in the text where known. */
export class ParseFailure extends Error {
  constructor(message: string, readonly position?: number) {
    super(message);
  }
}

const BIN: Record<string, BinOp> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', mod: 'mod',
  equal: '==', unequal: '!=', smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=',
  and: 'and', or: 'or', xor: 'xor', dotMultiply: '*', dotDivide: '/', dotPow: '^',
};

// Minimal structural view of mathjs nodes (its own types are broad unions).
interface MNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: string | MNode;
  op?: string;
  args?: MNode[];
  content?: MNode;
  object?: MNode;
  index?: { dimensions: MNode[]; dotNotation: boolean };
  condition?: MNode;
  trueExpr?: MNode;
  falseExpr?: MNode;
  start?: MNode;
  end?: MNode;
  step?: MNode | null;
}

/** Parse one equation into an Expr; throws ParseFailure. Newlines count as spaces. */
export function parseEquation(text: string): Expr {
  // mathjs treats newlines and ';' as statement separators: equations are one expression.
  // A `*` subscript (XMILE's "every element") is the same as `:`; same length keeps positions.
  const src = text.replace(/[\r\n\t]/g, ' ').replace(/([[,]\s*)\*(?=\s*[,\]])/g, '$1:');
  if (src.trim() === '') throw new ParseFailure('empty equation', 0);
  // mathjs parses brackets recursively: refuse deep nesting before it overflows the stack.
  if (bracketDepth(src) > ENGINE_LIMITS.bracketDepth) throw new ParseFailure(depthMessage());
  let node: MNode;
  try {
    node = mathParse(src) as unknown as MNode;
  } catch (err) {
    if (isStackOverflow(err)) throw new ParseFailure(depthMessage());
    const e = err as Error & { char?: number };
    const pos = typeof e.char === 'number' ? Math.max(0, e.char - 1) : undefined;
    throw new ParseFailure(`syntax error: ${e.message.replace(/\s*\(char \d+\)$/, '')}`, pos);
  }
  depth = 0;
  return convert(node, src);
}

// Depth of the node convert() is in: operator chains (a+a+…, - - -x) nest without brackets.
let depth = 0;

function fail(what: string, src: string, hint?: string): never {
  const pos = hint ? src.toLowerCase().indexOf(hint.toLowerCase()) : -1;
  throw new ParseFailure(`${what} is not allowed in an equation`, pos >= 0 ? pos : undefined);
}

function convert(n: MNode, src: string): Expr {
  if (++depth > ENGINE_LIMITS.expressionDepth) throw new ParseFailure(depthMessage());
  try {
    return convertNode(n, src);
  } finally {
    depth--;
  }
}

function convertNode(n: MNode, src: string): Expr {
  switch (n.type) {
    case 'ConstantNode': {
      if (typeof n.value === 'number') return { k: 'num', v: n.value };
      if (typeof n.value === 'boolean') return { k: 'num', v: n.value ? 1 : 0 };
      return fail('a text value', src, '"');
    }
    case 'SymbolNode':
      return { k: 'ref', name: canonicalName(n.name!), raw: n.name!, subs: null };
    case 'ParenthesisNode':
      return convert(n.content!, src);
    case 'OperatorNode': {
      const args = n.args!.map((a) => convert(a, src));
      const fn = n.fn as string;
      if (args.length === 1) {
        if (fn === 'unaryMinus') return { k: 'un', op: '-', a: args[0] };
        if (fn === 'unaryPlus') return { k: 'un', op: '+', a: args[0] };
        if (fn === 'not') return { k: 'un', op: 'not', a: args[0] };
      } else if (args.length === 2 && BIN[fn]) {
        return { k: 'bin', op: BIN[fn], a: args[0], b: args[1] };
      }
      return fail(`the operator "${n.op}"`, src, n.op);
    }
    case 'ConditionalNode':
      return { k: 'cond', c: convert(n.condition!, src), a: convert(n.trueExpr!, src), b: convert(n.falseExpr!, src) };
    case 'FunctionNode': {
      const f = n.fn as MNode;
      if (f.type !== 'SymbolNode') return fail('calling a computed function', src, '(');
      // Function names: case-insensitive, but not escaped like variable names (MOD stays mod).
      const fn = f.name!.toLowerCase().replace(/_+/g, '_');
      const called = BUILTINS[fn] ? fn : canonicalName(f.name!);
      return { k: 'call', fn: called, raw: f.name!, args: n.args!.map((a) => convert(a, src)) };
    }
    case 'AccessorNode': {
      const obj = n.object!;
      if (obj.type !== 'SymbolNode' || !n.index || n.index.dotNotation) return fail('this kind of subscript', src, '[');
      const subs = n.index.dimensions.map((d) => convertSub(d, src));
      return { k: 'ref', name: canonicalName(obj.name!), raw: obj.name!, subs };
    }
    default:
      return fail(describe(n.type), src, hintFor(n.type));
  }
}

function convertSub(d: MNode, src: string): Sub {
  if (d.type === 'SymbolNode') return { k: 'name', name: canonicalName(d.name!) };
  if (d.type === 'ConstantNode' && typeof d.value === 'number' && Number.isInteger(d.value)) return { k: 'index', value: d.value };
  // mathjs writes a lone ':' as the range 1:end.
  if (d.type === 'RangeNode' && d.start?.type === 'ConstantNode' && d.start.value === 1 && d.end?.type === 'SymbolNode' && d.end.name === 'end' && !d.step) {
    return { k: 'wild' };
  }
  return fail('this subscript', src, '[');
}

function describe(type: string): string {
  switch (type) {
    case 'AssignmentNode': return 'an assignment';
    case 'FunctionAssignmentNode': return 'a function definition';
    case 'BlockNode': return 'more than one expression (";")';
    case 'ArrayNode': return 'a matrix';
    case 'ObjectNode': return 'an object';
    case 'RangeNode': return 'a range';
    case 'RelationalNode': return 'a chained comparison (write "a < b and b < c")';
    default: return `a ${type.replace(/Node$/, '').toLowerCase()}`;
  }
}

function hintFor(type: string): string | undefined {
  switch (type) {
    case 'AssignmentNode': return '=';
    case 'BlockNode': return ';';
    case 'ArrayNode': return '[';
    case 'ObjectNode': return '{';
    case 'RangeNode': return ':';
    default: return undefined;
  }
}

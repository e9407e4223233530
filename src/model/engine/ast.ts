// The engine's own expression tree, built from mathjs's parse tree. Only these node kinds
// exist, so code generation can emit nothing but what it constructs from them.

/** A subscript inside `x[...]`. */
export type Sub =
  | { k: 'wild' }
  | { k: 'name'; name: string }
  | { k: 'index'; value: number };

/** An expression node. */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'ref'; name: string; raw: string; subs: Sub[] | null }
  | { k: 'call'; fn: string; raw: string; args: Expr[] }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { k: 'un'; op: '-' | '+' | 'not'; a: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr };

/** Binary operators of the language. */
export type BinOp = '+' | '-' | '*' | '/' | '^' | 'mod' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or' | 'xor';

/** Visit every node of an expression, depth first (children after parent). */
export function walk(e: Expr, f: (e: Expr) => boolean | void): void {
  if (f(e) === false) return;
  switch (e.k) {
    case 'call':
      for (const a of e.args) walk(a, f);
      break;
    case 'bin':
      walk(e.a, f);
      walk(e.b, f);
      break;
    case 'un':
      walk(e.a, f);
      break;
    case 'cond':
      walk(e.c, f);
      walk(e.a, f);
      walk(e.b, f);
      break;
    default:
  }
}

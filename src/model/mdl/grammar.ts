// The Vensim .mdl equation section as a Chevrotain grammar (lexer + parser). Chevrotain
// because it is a maintained, dependency-light parser toolkit with typed tokens, lexer modes
// (units and comments after `~` are free text) and error recovery positions (line, column).
import { EmbeddedActionsParser, Lexer, createToken, type IToken, type TokenType } from 'chevrotain';
import { ENGINE_LIMITS, figure } from '../engine/limits.ts';


/** A parsed Vensim expression. */
export type MdlExpr =
  | { k: 'num'; v: number }
  | { k: 'ref'; name: string; subs: string[]; tok: IToken }
  | { k: 'call'; fn: string; args: MdlExpr[]; tok: IToken; table?: MdlTable }
  | { k: 'bin'; op: string; a: MdlExpr; b: MdlExpr }
  | { k: 'un'; op: string; a: MdlExpr }
  | { k: 'list'; items: MdlExpr[] };

/** Every reference in the expression. */
export function refsOf(e: MdlExpr): Array<Extract<MdlExpr, { k: 'ref' }>> {
  switch (e.k) {
    case 'ref': return [e];
    case 'un': return refsOf(e.a);
    case 'bin': return [...refsOf(e.a), ...refsOf(e.b)];
    case 'list': return e.items.flatMap(refsOf);
    case 'call': return e.args.flatMap(refsOf);
    default: return [];
  }
}

/** A lookup table: points, and the declared range if any. */
export interface MdlTable { xs: number[]; ys: number[] }

/** How a data variable's values are read between its points (Vensim's interpolation keywords). */
export type DataMode = 'interpolate' | 'raw' | 'hold_backward' | 'look_forward';

/** Left-hand side: name, subscripts, `:EXCEPT:` subscript lists, a data keyword if any. */
export interface MdlLhs { name: string; subs: string[]; except: string[][]; tok: IToken; mode?: DataMode }

/** A subscript mapping: the range mapped to, and, for an ordered mapping, the elements or subranges each element maps to. */
export interface MdlMapping { to: string; tok: IToken; list?: string[] }

/** One statement of the equation section. */
export type MdlStatement =
  // `data`: written with `:=` (a data equation).
  | { k: 'eq'; lhs: MdlLhs; expr: MdlExpr | null; units: string; doc: string; data?: true }
  | { k: 'lookup'; lhs: MdlLhs; table: MdlTable; units: string; doc: string }
  | { k: 'dim'; name: string; tok: IToken; elements: string[]; mapsTo: string[]; mappings: MdlMapping[]; aliasOf?: string }
  | { k: 'group' }
  | { k: 'macro'; name: string; tok: IToken; params: string[]; body: MdlStatement[] };

const Text = createToken({ name: 'Text', pattern: /[^~|]+/, line_breaks: true });
const Tilde = createToken({ name: 'Tilde', pattern: /~/, push_mode: 'text' });
const TextTilde = createToken({ name: 'TextTilde', pattern: /~/ });
const Pipe = createToken({ name: 'Pipe', pattern: /\|/, pop_mode: true });
const WS = createToken({ name: 'WS', pattern: /(?:\s|\\\r?\n)+/, group: Lexer.SKIPPED, line_breaks: true });
const Comment = createToken({ name: 'Comment', pattern: /\{[^}]*\}/, group: Lexer.SKIPPED, line_breaks: true });
const Group = createToken({ name: 'Group', pattern: /\*{3,}[^~]*?\*{3,}/, line_breaks: true });
const And = createToken({ name: 'And', pattern: /:AND:/i });
const Or = createToken({ name: 'Or', pattern: /:OR:/i });
const Not = createToken({ name: 'Not', pattern: /:NOT:/i });
const Except = createToken({ name: 'Except', pattern: /:EXCEPT:/i });
const MacroStart = createToken({ name: 'MacroStart', pattern: /:MACRO:/i });
const MacroEnd = createToken({ name: 'MacroEnd', pattern: /:END OF MACRO:/i });
const Na = createToken({ name: 'Na', pattern: /:NA:/i });
const DataEq = createToken({ name: 'DataEq', pattern: /:=/ });
const Interp = createToken({ name: 'Interp', pattern: /:(?:INTERPOLATE|RAW|HOLD[ \t]+BACKWARD|LOOK[ \t]+FORWARD):/i });
const Num = createToken({ name: 'Num', pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/ });
// Names hold spaces between words ("Entry 1", "IF THEN ELSE").
const Name = createToken({ name: 'Name', pattern: /[A-Za-z_\u00A0-\uFFFF][\w$'&%\u00A0-\uFFFF]*(?:[ \t]+[\w$'&%\u00A0-\uFFFF]+)*/ });
const QName = createToken({ name: 'QName', pattern: /"(?:[^"\\]|\\.)*"/ });
const Map = createToken({ name: 'Map', pattern: /->/ });
const Equiv = createToken({ name: 'Equiv', pattern: /<->/ });
const Le = createToken({ name: 'Le', pattern: /<=/ });
const Ge = createToken({ name: 'Ge', pattern: /\>=/ });
const Ne = createToken({ name: 'Ne', pattern: /<>/ });
const Lt = createToken({ name: 'Lt', pattern: /</ });
const Gt = createToken({ name: 'Gt', pattern: />/ });
const Eq = createToken({ name: 'Eq', pattern: /=/ });
const Colon = createToken({ name: 'Colon', pattern: /:/ });
const Plus = createToken({ name: 'Plus', pattern: /\+/ });
const Minus = createToken({ name: 'Minus', pattern: /-/ });
const Star = createToken({ name: 'Star', pattern: /\*/ });
const Slash = createToken({ name: 'Slash', pattern: /\// });
const Caret = createToken({ name: 'Caret', pattern: /\^/ });
const LParen = createToken({ name: 'LParen', pattern: /\(/ });
const RParen = createToken({ name: 'RParen', pattern: /\)/ });
const LBrack = createToken({ name: 'LBrack', pattern: /\[/ });
const RBrack = createToken({ name: 'RBrack', pattern: /\]/ });
const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Semi = createToken({ name: 'Semi', pattern: /;/ });
const Bang = createToken({ name: 'Bang', pattern: /!/ });

const EQ_TOKENS: TokenType[] = [WS, Comment, Group, Tilde, Pipe, MacroStart, MacroEnd, And, Or, Not, Except, Na, DataEq, Interp, Num, Name, QName,
  Equiv, Map, Le, Ge, Ne, Lt, Gt, Eq, Colon, Plus, Minus, Star, Slash, Caret, LParen, RParen, LBrack, RBrack, Comma, Semi, Bang];
const ALL = [...EQ_TOKENS, Text, TextTilde];

const lexer = new Lexer({ modes: { eq: EQ_TOKENS, text: [Text, TextTilde, Pipe] }, defaultMode: 'eq' }, { positionTracking: 'full' });

/** A syntax error with its 1-based line and column in the .mdl text. */
export class MdlSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

const unquote = (t: IToken): string => (t.tokenType === QName ? t.image.slice(1, -1).replace(/\\(.)/g, '$1') : t.image);

class MdlParser extends EmbeddedActionsParser {
  constructor() {
    super(ALL, { maxLookahead: 4 });
    this.performSelfAnalysis();
  }

  model = this.RULE('model', (): MdlStatement[] => {
    const out: MdlStatement[] = [];
    this.MANY(() => out.push(this.SUBRULE(this.statement)));
    return out;
  });

  statement = this.RULE('statement', (): MdlStatement => this.OR([
    { ALT: () => { this.CONSUME(Group); this.SUBRULE(this.tail); return { k: 'group' } as MdlStatement; } },
    { ALT: () => this.SUBRULE(this.macro) },
    { ALT: () => this.SUBRULE(this.definition) },
  ]));

  // :MACRO: NAME(param, ...) definitions... :END OF MACRO:
  macro = this.RULE('macro', (): MdlStatement => {
    this.CONSUME(MacroStart);
    const n = this.SUBRULE(this.name);
    const params: string[] = [];
    const body: MdlStatement[] = [];
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { params.push(this.SUBRULE2(this.name).name); } });
    this.CONSUME(RParen);
    this.MANY(() => body.push(this.SUBRULE(this.definition)));
    this.CONSUME(MacroEnd);
    return { k: 'macro', name: n.name, tok: n.tok, params, body };
  });

  // `~ units ~ comment |` (each part optional, as Vensim writes `~~|`).
  tail = this.RULE('tail', (): [string, string] => {
    const parts: string[] = [''];
    this.OPTION(() => {
      this.CONSUME(Tilde);
      this.OPTION2(() => { parts[0] = this.CONSUME(Text).image.trim(); });
      this.MANY(() => {
        this.CONSUME(TextTilde);
        parts.push('');
        this.OPTION3(() => { parts[parts.length - 1] = this.CONSUME2(Text).image.trim(); });
      });
    });
    this.CONSUME(Pipe);
    return [parts[0], parts[1] ?? ''];
  });

  definition = this.RULE('definition', (): MdlStatement => {
    const lhs = this.SUBRULE(this.lhs);
    let st: MdlStatement = { k: 'eq', lhs, expr: null, units: '', doc: '' };
    this.OPTION(() => {
      st = this.OR([
        { ALT: () => { this.CONSUME(Eq); return { k: 'eq', lhs, expr: this.SUBRULE(this.rhs), units: '', doc: '' } as MdlStatement; } },
        { ALT: () => { this.CONSUME(DataEq); return { k: 'eq', lhs, expr: this.SUBRULE2(this.rhs), units: '', doc: '', data: true } as MdlStatement; } },
        { ALT: () => { this.CONSUME(LParen); const table = this.SUBRULE(this.tableBody); this.CONSUME(RParen); return { k: 'lookup', lhs, table, units: '', doc: '' } as MdlStatement; } },
        { ALT: () => {
          this.CONSUME(Colon);
          const d = this.SUBRULE(this.dimBody);
          return { k: 'dim', name: lhs.name, tok: lhs.tok, elements: d.elements, mapsTo: this.ACTION(() => d.mappings.map((m) => m.to)), mappings: d.mappings } as MdlStatement;
        } },
        { ALT: () => { this.CONSUME(Equiv); const other = this.SUBRULE(this.name); return { k: 'dim', name: lhs.name, tok: lhs.tok, elements: [], mapsTo: [], mappings: [], aliasOf: other.name } as MdlStatement; } },
      ]);
    });
    const tl = this.SUBRULE(this.tail);
    this.ACTION(() => { if (st.k === 'eq' || st.k === 'lookup') { st.units = tl[0]; st.doc = tl[1]; } });
    return st;
  });

  name = this.RULE('name', (): { name: string; tok: IToken } => {
    const t = this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(QName) }]);
    return { name: unquote(t), tok: t };
  });

  subList = this.RULE('subList', (): string[] => {
    const subs: string[] = [];
    this.CONSUME(LBrack);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { subs.push(this.SUBRULE(this.name).name); this.OPTION(() => this.CONSUME(Bang)); } });
    this.CONSUME(RBrack);
    return subs;
  });

  lhs = this.RULE('lhs', (): MdlLhs => {
    const n = this.SUBRULE(this.name);
    let subs: string[] = [];
    const except: string[][] = [];
    this.OPTION(() => { subs = this.SUBRULE(this.subList); });
    let mode: DataMode | undefined;
    this.OPTION2(() => {
      this.CONSUME(Except);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => except.push(this.SUBRULE2(this.subList)) });
    });
    this.OPTION3(() => {
      const t = this.CONSUME(Interp);
      mode = t.image.slice(1, -1).trim().toLowerCase().replace(/[ \t]+/, '_') as DataMode;
    });
    return { name: n.name, subs, except, tok: n.tok, ...(mode ? { mode } : {}) };
  });

  // Elements (`A, B`, a range `(A1-A10)`), then optional mappings: `-> Other`, or ordered,
  // `-> (Other: o2, o1), Another` (each element of the ordered list an element or a subrange).
  dimBody = this.RULE('dimBody', (): { elements: string[]; mappings: MdlMapping[] } => {
    const elements: string[] = [];
    const mappings: MdlMapping[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => this.OR([
      { ALT: () => { elements.push(this.SUBRULE(this.name).name); } },
      { ALT: () => {
        const open = this.CONSUME(LParen);
        const a = this.SUBRULE2(this.name).name;
        this.CONSUME(Minus);
        const b = this.SUBRULE3(this.name).name;
        this.CONSUME(RParen);
        // A loop, not push(...): a spread of a million elements overflows the stack.
        this.ACTION(() => { for (const e of expandRange(a, b, open)) elements.push(e); });
      } },
    ]) });
    this.OPTION(() => {
      this.CONSUME(Map);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.OR2([
        { ALT: () => { const n = this.SUBRULE4(this.name); mappings.push({ to: n.name, tok: n.tok }); } },
        { ALT: () => {
          this.CONSUME2(LParen);
          const n = this.SUBRULE5(this.name);
          const list: string[] = [];
          this.CONSUME(Colon);
          this.AT_LEAST_ONE_SEP2({ SEP: Comma, DEF: () => { list.push(this.SUBRULE6(this.name).name); } });
          this.CONSUME2(RParen);
          mappings.push({ to: n.name, tok: n.tok, list });
        } },
      ]) });
    });
    return { elements, mappings };
  });

  // An expression, or a list of numbers (`1, 2, 3` / `1, 2; 3, 4;`) for an array.
  rhs = this.RULE('rhs', (): MdlExpr => {
    const items = [this.SUBRULE(this.expr)];
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(Semi) }]);
      this.OPTION(() => items.push(this.SUBRULE2(this.expr)));
    });
    return items.length === 1 ? items[0] : { k: 'list', items };
  });

  expr = this.RULE('expr', (): MdlExpr => {
    let a = this.SUBRULE(this.andExpr);
    this.MANY(() => { this.CONSUME(Or); const b = this.SUBRULE2(this.andExpr); a = { k: 'bin', op: 'or', a, b }; });
    return a;
  });

  andExpr = this.RULE('andExpr', (): MdlExpr => {
    let a = this.SUBRULE(this.notExpr);
    this.MANY(() => { this.CONSUME(And); const b = this.SUBRULE2(this.notExpr); a = { k: 'bin', op: 'and', a, b }; });
    return a;
  });

  notExpr = this.RULE('notExpr', (): MdlExpr => this.OR([
    { ALT: () => { this.CONSUME(Not); return { k: 'un', op: 'not', a: this.SUBRULE(this.notExpr) } as MdlExpr; } },
    { ALT: () => this.SUBRULE(this.compare) },
  ]));

  compare = this.RULE('compare', (): MdlExpr => {
    let a = this.SUBRULE(this.additive);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => { this.CONSUME(Eq); return '=='; } }, { ALT: () => { this.CONSUME(Ne); return '!='; } },
        { ALT: () => { this.CONSUME(Le); return '<='; } }, { ALT: () => { this.CONSUME(Ge); return '>='; } },
        { ALT: () => { this.CONSUME(Lt); return '<'; } }, { ALT: () => { this.CONSUME(Gt); return '>'; } },
      ]);
      const b = this.SUBRULE2(this.additive);
      a = { k: 'bin', op, a, b };
    });
    return a;
  });

  additive = this.RULE('additive', (): MdlExpr => {
    let a = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => { this.CONSUME(Plus); return '+'; } }, { ALT: () => { this.CONSUME(Minus); return '-'; } }]);
      const b = this.SUBRULE2(this.multiplicative);
      a = { k: 'bin', op, a, b };
    });
    return a;
  });

  multiplicative = this.RULE('multiplicative', (): MdlExpr => {
    let a = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => { this.CONSUME(Star); return '*'; } }, { ALT: () => { this.CONSUME(Slash); return '/'; } }]);
      const b = this.SUBRULE2(this.unary);
      a = { k: 'bin', op, a, b };
    });
    return a;
  });

  unary = this.RULE('unary', (): MdlExpr => this.OR([
    { ALT: () => { this.CONSUME(Minus); return { k: 'un', op: '-', a: this.SUBRULE(this.unary) } as MdlExpr; } },
    { ALT: () => { this.CONSUME(Plus); return this.SUBRULE2(this.unary); } },
    { ALT: () => this.SUBRULE(this.power) },
  ]));

  power = this.RULE('power', (): MdlExpr => {
    let a = this.SUBRULE(this.primary);
    this.OPTION(() => { this.CONSUME(Caret); const b = this.SUBRULE(this.unary); a = { k: 'bin', op: '^', a, b }; });
    return a;
  });

  primary = this.RULE('primary', (): MdlExpr => this.OR([
    { ALT: () => ({ k: 'num', v: Number(this.CONSUME(Num).image) }) as MdlExpr },
    { ALT: () => { this.CONSUME(Na); return { k: 'num', v: -1e38 } as MdlExpr; } },
    { ALT: () => { this.CONSUME(LParen); const e = this.SUBRULE(this.expr); this.CONSUME(RParen); return e; } },
    { ALT: () => this.SUBRULE(this.refOrCall) },
  ]));

  refOrCall = this.RULE('refOrCall', (): MdlExpr => {
    const n = this.SUBRULE(this.name);
    return this.OR([
      { ALT: () => {
        this.CONSUME(LParen);
        const args: MdlExpr[] = [];
        let table: MdlTable | undefined;
        this.MANY_SEP({ SEP: Comma, DEF: () => this.OR2([
          // An inline table, as in WITH LOOKUP(x, ([(0,0)-(1,1)], (0,0), (1,1))).
          { GATE: () => this.LA(1).tokenType === LParen && (this.LA(2).tokenType === LBrack || this.LA(2).tokenType === LParen), ALT: () => {
            this.CONSUME2(LParen); table = this.SUBRULE(this.tableBody); this.CONSUME2(RParen);
          } },
          { ALT: () => { args.push(this.SUBRULE(this.expr)); } },
        ]) });
        this.CONSUME(RParen);
        return { k: 'call', fn: n.name, args, tok: n.tok, ...(table ? { table } : {}) } as MdlExpr;
      } },
      { ALT: () => {
        let subs: string[] = [];
        this.OPTION(() => { subs = this.SUBRULE(this.subList); });
        return { k: 'ref', name: n.name, subs, tok: n.tok } as MdlExpr;
      } },
    ]);
  });

  signed = this.RULE('signed', (): number => {
    let s = 1;
    this.OPTION(() => { this.CONSUME(Minus); s = -1; });
    return s * Number(this.CONSUME(Num).image);
  });

  point = this.RULE('point', (): [number, number] => {
    this.CONSUME(LParen);
    const x = this.SUBRULE(this.signed);
    this.CONSUME(Comma);
    const y = this.SUBRULE2(this.signed);
    this.CONSUME(RParen);
    return [x, y];
  });

  // `[(xmin,ymin)-(xmax,ymax)], (x,y), ...` (the range is optional and ignored), or the
  // older form: all x values, then all y values.
  tableBody = this.RULE('tableBody', (): MdlTable => {
    const xs: number[] = [];
    const ys: number[] = [];
    this.OR([
      { ALT: () => {
        this.OPTION(() => {
          this.CONSUME(LBrack); this.SUBRULE(this.point); this.CONSUME(Minus); this.SUBRULE2(this.point);
          this.MANY(() => { this.CONSUME(Comma); this.SUBRULE3(this.point); });
          this.CONSUME(RBrack); this.CONSUME2(Comma);
        });
        this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { const p = this.SUBRULE4(this.point); this.ACTION(() => { xs.push(p[0]); ys.push(p[1]); }); } });
      } },
      { ALT: () => {
        const vals: number[] = [];
        this.AT_LEAST_ONE_SEP2({ SEP: Comma, DEF: () => { vals.push(this.SUBRULE(this.signed)); } });
        this.ACTION(() => {
          const h = vals.length / 2;
          xs.push(...vals.slice(0, h));
          ys.push(...vals.slice(h));
        });
      } },
    ]);
    return { xs, ys };
  });
}

/** Elements of a numbered range: (A1-A3) → A1, A2, A3; refused over the engine's dimension cap, before any is made. */
function expandRange(a: string, b: string, at: IToken): string[] {
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (!ma || !mb || ma[1] !== mb[1]) return [a, b];
  const n = Number(mb[2]) - Number(ma[2]) + 1;
  if (n > ENGINE_LIMITS.dimensionElements) {
    throw new MdlSyntaxError(`numbered range (${a}-${b}) has ${n < 1e9 ? n.toLocaleString('en-US') : figure(n)} elements; allowed: up to the cap of ${figure(ENGINE_LIMITS.dimensionElements)} elements`, at.startLine ?? 0, at.startColumn ?? 0);
  }
  const out: string[] = [];
  for (let i = Number(ma[2]); i <= Number(mb[2]); i++) out.push(`${ma[1]}${i}`);
  return out;
}

const parser = new MdlParser();

/** Parse the equation section of a .mdl file (the text before the sketch); throws MdlSyntaxError. */
export function parseMdl(text: string): MdlStatement[] {
  const lex = lexer.tokenize(text);
  if (lex.errors.length) {
    const e = lex.errors[0];
    throw new MdlSyntaxError(`unexpected character ${JSON.stringify(text.slice(e.offset, e.offset + 1))}`, e.line ?? 0, e.column ?? 0);
  }
  parser.input = lex.tokens;
  const out = parser.model();
  if (parser.errors.length) {
    const e = parser.errors[0];
    const t = e.token;
    const at = Number.isFinite(t.startLine) ? t : (e as { previousToken?: IToken }).previousToken ?? t;
    const what = t.tokenType.name === 'EOF' ? 'the end of the file' : JSON.stringify(t.image);
    throw new MdlSyntaxError(`syntax error at ${what}: ${e.message.split('\n')[0]}`, at.startLine ?? 0, at.startColumn ?? 0);
  }
  return out;
}

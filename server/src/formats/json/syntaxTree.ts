import { createScanner, type Node, type NodeType, type ParseError, type ParseErrorCode, type ParseOptions } from 'jsonc-parser';

/**
 * One pass over a JSON text with jsonc-parser's scanner, giving what `parseTree(text, errors, options)` and then
 * `getNodeValue(root)` give: the same tree of nodes (offsets, lengths, colon offsets, parent links), the same errors
 * in the same order, with the same recovery from broken input, and the same plain value. It does not recurse, so no
 * nesting depth runs out of stack. test/unit/jsonTree.test.ts compares the two on thousands of broken inputs.
 *
 * Why not parseTree: its visitor callbacks, a second walk for the value, and children arrays grown one push at a
 * time made parsing most of the analysis of a large document, much of it garbage collection.
 */
export interface JsonTree {
  root: Node | undefined;
  /** `getNodeValue(root)`, or undefined without a root. */
  value: unknown;
}

// The numbers of jsonc-parser's SyntaxKind, ScanError and ParseErrorCode. Its typings declare them as const enums,
// which esbuild cannot inline from a .d.ts, so they are repeated here.
const enum Token {
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  Colon = 6,
  Null = 7,
  True = 8,
  False = 9,
  String = 10,
  Number = 11,
  LineComment = 12,
  BlockComment = 13,
  LineBreak = 14,
  Trivia = 15,
  Unknown = 16,
  EOF = 17,
}

const enum ScanError {
  None = 0,
  UnexpectedEndOfComment = 1,
  UnexpectedEndOfString = 2,
  UnexpectedEndOfNumber = 3,
  InvalidUnicode = 4,
  InvalidEscapeCharacter = 5,
  InvalidCharacter = 6,
}

const enum ErrorCode {
  InvalidSymbol = 1,
  InvalidNumberFormat = 2,
  PropertyNameExpected = 3,
  ValueExpected = 4,
  ColonExpected = 5,
  CommaExpected = 6,
  CloseBraceExpected = 7,
  CloseBracketExpected = 8,
  EndOfFileExpected = 9,
  InvalidCommentToken = 10,
  UnexpectedEndOfComment = 11,
  UnexpectedEndOfString = 12,
  UnexpectedEndOfNumber = 13,
  InvalidUnicode = 14,
  InvalidEscapeCharacter = 15,
  InvalidCharacter = 16,
}

/** jsonc-parser's Node without the readonly modifiers, while the tree is being built. */
interface BuildNode {
  type: NodeType;
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: BuildNode;
  children?: BuildNode[];
}

/** An array or object whose closing bracket has not been reached yet. */
interface Frame {
  node: BuildNode;
  /** Its child nodes, and in an array its items, are kept on shared stacks from here until it closes. */
  childStart: number;
  itemStart: number;
  /** In an object, its plain value: without prototype, as getNodeValue makes it. */
  members: Record<string, unknown> | undefined;
  needsComma: boolean;
  /** In an object: the member read last, until its length is known (after its value, a comma or the closing brace). */
  property: BuildNode | undefined;
  key: string;
  up: Frame | undefined;
}

/** Stands for children not known yet: every container and member gets its real array before the tree is returned. */
const PENDING = Object.freeze([]) as unknown as BuildNode[];

export function parseJsonTree(text: string, errors: ParseError[] = [], options: ParseOptions = { allowTrailingComma: false }): JsonTree {
  const scanner = createScanner(text, false);
  const disallowComments = !!options.disallowComments;
  const allowTrailingComma = !!options.allowTrailingComma;
  let token: number = Token.Unknown;

  function report(code: ErrorCode): void {
    errors.push({ error: code as number as ParseErrorCode, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }

  /** The next token that is not whitespace or a comment, reporting scanner errors, comments and unknown symbols on the way. */
  function next(): number {
    for (;;) {
      const kind: number = scanner.scan();
      const scanError: number = scanner.getTokenError();
      if (scanError !== ScanError.None) {
        switch (scanError) {
          case ScanError.InvalidUnicode:
            report(ErrorCode.InvalidUnicode);
            break;
          case ScanError.InvalidEscapeCharacter:
            report(ErrorCode.InvalidEscapeCharacter);
            break;
          case ScanError.UnexpectedEndOfNumber:
            report(ErrorCode.UnexpectedEndOfNumber);
            break;
          case ScanError.UnexpectedEndOfComment:
            // With comments disallowed, the comment itself is the error reported below.
            if (!disallowComments) report(ErrorCode.UnexpectedEndOfComment);
            break;
          case ScanError.UnexpectedEndOfString:
            report(ErrorCode.UnexpectedEndOfString);
            break;
          case ScanError.InvalidCharacter:
            report(ErrorCode.InvalidCharacter);
            break;
        }
      }
      switch (kind) {
        case Token.Trivia:
        case Token.LineBreak:
          break;
        case Token.LineComment:
        case Token.BlockComment:
          if (disallowComments) report(ErrorCode.InvalidCommentToken);
          break;
        case Token.Unknown:
          report(ErrorCode.InvalidSymbol);
          break;
        default:
          return kind;
      }
    }
  }

  /** Error recovery: tokens are dropped up to (not including) `stop`, `alsoStop` or the end; returns the token stopped at. */
  function skipTo(stop: Token, alsoStop: Token): number {
    let at = token;
    while (at !== Token.EOF && at !== stop && at !== alsoStop) at = next();
    return at;
  }

  /** The node of a string, number, boolean or null at the current token (not consumed); undefined for any other token. */
  function literal(parent: BuildNode | undefined): BuildNode | undefined {
    let value: unknown;
    let type: NodeType;
    switch (token) {
      case Token.String:
        value = scanner.getTokenValue();
        type = 'string';
        break;
      case Token.Number: {
        let n = Number(scanner.getTokenValue());
        if (Number.isNaN(n)) {
          report(ErrorCode.InvalidNumberFormat);
          n = 0;
        }
        value = n;
        type = 'number';
        break;
      }
      case Token.Null:
        value = null;
        type = 'null';
        break;
      case Token.True:
        value = true;
        type = 'boolean';
        break;
      case Token.False:
        value = false;
        type = 'boolean';
        break;
      default:
        return undefined;
    }
    return { type, offset: scanner.getTokenOffset(), length: scanner.getTokenLength(), parent, value };
  }

  // Children and array items wait on these stacks until their container closes, then move to an array of their
  // exact size: arrays grown by push keep spare room, and the tree is kept as long as the document is open.
  const nodes: BuildNode[] = [];
  let nodeTop = 0;
  const items: unknown[] = [];
  let itemTop = 0;

  /** Opens the array or object at the current token (not consumed), as a child of `parent` and of frame `up`. */
  function open(parent: BuildNode | undefined, up: Frame | undefined): Frame {
    const isObject = token === Token.OpenBrace;
    const node: BuildNode = { type: isObject ? 'object' : 'array', offset: scanner.getTokenOffset(), length: -1, parent, children: PENDING };
    // An item of an array waits with its siblings; a member's value goes to the member when the member is made.
    if (parent !== undefined && parent.type === 'array') nodes[nodeTop++] = node;
    return {
      node,
      childStart: nodeTop,
      itemStart: itemTop,
      members: isObject ? (Object.create(null) as Record<string, unknown>) : undefined,
      needsComma: false,
      property: undefined,
      key: '',
      up,
    };
  }

  token = next();
  if (token === Token.EOF) {
    if (!options.allowEmptyContent) report(ErrorCode.ValueExpected);
    return { root: undefined, value: undefined };
  }

  let root: BuildNode;
  let rootValue: unknown;
  let frame: Frame | undefined;
  if (token === Token.OpenBrace || token === Token.OpenBracket) {
    frame = open(undefined, undefined);
    token = next();
    root = frame.node;
  } else {
    const node = literal(undefined);
    if (node === undefined) {
      report(ErrorCode.ValueExpected);
      return { root: undefined, value: undefined };
    }
    token = next();
    root = node;
    rootValue = node.value;
  }

  while (frame !== undefined) {
    const inObject = frame.members !== undefined;
    const close = inObject ? Token.CloseBrace : Token.CloseBracket;

    if (token === close || token === Token.EOF) {
      const end = scanner.getTokenOffset() + scanner.getTokenLength();
      // A member without a value ends at the closing brace (or at the end of the text).
      if (frame.property !== undefined) frame.property.length = end - frame.property.offset;
      const node = frame.node;
      node.length = end - node.offset;
      node.children = nodes.slice(frame.childStart, nodeTop);
      nodeTop = frame.childStart;
      let value: unknown = frame.members;
      if (value === undefined) {
        value = items.slice(frame.itemStart, itemTop);
        itemTop = frame.itemStart;
      }
      // At the end of the text, jsonc-parser's skip to past the bracket has nothing left to skip.
      if (token === close) token = next();
      else report(inObject ? ErrorCode.CloseBraceExpected : ErrorCode.CloseBracketExpected);
      frame = frame.up;
      if (frame === undefined) {
        rootValue = value;
      } else if (frame.members !== undefined) {
        // Stored now rather than when it opened: nothing else is stored in this object in between, so the order of
        // the keys is the same (and a later duplicate key still wins).
        frame.members[frame.key] = value;
        frame.property!.length = end - frame.property!.offset;
        frame.property = undefined;
      } else {
        items[itemTop++] = value;
      }
      continue;
    }

    if (token === Token.Comma) {
      if (!frame.needsComma) report(ErrorCode.ValueExpected);
      if (frame.property !== undefined) {
        frame.property.length = scanner.getTokenOffset() - frame.property.offset;
        frame.property = undefined;
      }
      token = next();
      if (token === close && allowTrailingComma) continue;
    } else if (frame.needsComma) {
      report(ErrorCode.CommaExpected);
    }
    frame.needsComma = true;

    let parent: BuildNode;
    let keyNode: BuildNode | undefined;
    if (inObject) {
      if (token !== Token.String) {
        // Reported twice, as jsonc-parser does: no property name, and so no member (the second skip finds nothing to skip).
        report(ErrorCode.PropertyNameExpected);
        token = skipTo(Token.CloseBrace, Token.Comma);
        report(ErrorCode.ValueExpected);
        continue;
      }
      const key = scanner.getTokenValue();
      const keyOffset = scanner.getTokenOffset();
      const keyLength = scanner.getTokenLength();
      token = next();
      // The member is made once the colon is seen or not, so that colonOffset is part of it from the start (or absent).
      const property: BuildNode =
        token === Token.Colon
          ? { type: 'property', offset: keyOffset, length: -1, parent: frame.node, children: PENDING, colonOffset: scanner.getTokenOffset() }
          : { type: 'property', offset: keyOffset, length: -1, parent: frame.node, children: PENDING };
      keyNode = { type: 'string', value: key, offset: keyOffset, length: keyLength, parent: property };
      nodes[nodeTop++] = property;
      frame.property = property;
      frame.key = key;
      if (token !== Token.Colon) {
        property.children = [keyNode];
        report(ErrorCode.ColonExpected);
        token = skipTo(Token.CloseBrace, Token.Comma);
        continue;
      }
      token = next();
      parent = property;
    } else {
      parent = frame.node;
    }

    if (token === Token.OpenBrace || token === Token.OpenBracket) {
      const child = open(parent, frame);
      token = next();
      if (keyNode !== undefined) parent.children = [keyNode, child.node];
      frame = child;
      continue;
    }
    const node = literal(parent);
    if (node === undefined) {
      if (keyNode !== undefined) parent.children = [keyNode];
      report(ErrorCode.ValueExpected);
      token = skipTo(close, Token.Comma);
      continue;
    }
    token = next();
    if (keyNode !== undefined) {
      parent.children = [keyNode, node];
      frame.members![frame.key] = node.value;
      parent.length = node.offset + node.length - parent.offset;
      frame.property = undefined;
    } else {
      nodes[nodeTop++] = node;
      items[itemTop++] = node.value;
    }
  }

  if (token !== Token.EOF) report(ErrorCode.EndOfFileExpected);
  delete root.parent;
  return { root: root as Node, value: rootValue };
}

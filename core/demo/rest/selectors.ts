import { badRequest } from '../status.ts';

/**
 * Label and field selectors, with the grammar and semantics of k8s.io/apimachinery
 * (pkg/labels/selector.go, pkg/fields/selector.go). Parse errors are 400 BadRequest.
 */

export type LabelOperator = 'exists' | 'doesNotExist' | 'equals' | 'notEquals' | 'in' | 'notIn' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>>;

/** An empty list matches everything. */
export type LabelSelector = readonly LabelRequirement[];

// ---------------------------------------------------------------- label selector: lexer

type Token =
  | { kind: 'identifier'; text: string }
  | { kind: 'in' | 'notin' | '!' | '=' | '==' | '!=' | '>' | '<' | '(' | ')' | ',' | 'end' };

const OPERATOR_TOKENS = ['!=', '==', '=', '!', '>', '<', '(', ')', ','] as const;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const operator = OPERATOR_TOKENS.find((op) => text.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: operator });
      i += operator.length;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end] as string) && !'!=><(),'.includes(text[end] as string))
      end++;
    const word = text.slice(i, end);
    // "in" and "notin" are keywords only where an operator may stand; the parser checks that.
    tokens.push(word === 'in' || word === 'notin' ? { kind: word } : { kind: 'identifier', text: word });
    i = end;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

// ---------------------------------------------------------------- label selector: parser

export function parseLabelSelector(text: string): LabelSelector {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const take = (): Token => tokens[pos++] as Token;
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why} in label selector "${text}"`);
  };
  const identifier = (what: string): string => {
    const token = take();
    // Keywords are valid keys and values in positions where no operator can stand.
    if (token.kind === 'identifier') return token.text;
    if (token.kind === 'in' || token.kind === 'notin') return token.kind;
    return fail(`expected ${what}, found "${token.kind}"`);
  };

  const requirements: LabelRequirement[] = [];
  if (peek().kind === 'end') return requirements;
  for (;;) {
    if (peek().kind === '!') {
      take();
      requirements.push({ key: validKey(identifier('a key'), fail), operator: 'doesNotExist', values: [] });
    } else {
      const key = validKey(identifier('a key'), fail);
      const op = take();
      switch (op.kind) {
        case ',':
        case 'end':
          pos--;
          requirements.push({ key, operator: 'exists', values: [] });
          break;
        case '=':
        case '==':
        case '!=': {
          const next = peek();
          // `key=` selects the empty value.
          const value = next.kind === ',' || next.kind === 'end' ? '' : identifier('a value');
          requirements.push({
            key,
            operator: op.kind === '!=' ? 'notEquals' : 'equals',
            values: [validValue(value, fail)],
          });
          break;
        }
        case 'in':
        case 'notin': {
          if (take().kind !== '(') fail(`expected "(" after ${op.kind}`);
          const values: string[] = [];
          if (peek().kind === ')') {
            take();
          } else {
            for (;;) {
              const next = peek();
              values.push(
                validValue(next.kind === ',' || next.kind === ')' ? '' : identifier('a value'), fail),
              );
              const separator = take();
              if (separator.kind === ')') break;
              if (separator.kind !== ',') fail(`expected "," or ")", found "${separator.kind}"`);
            }
          }
          requirements.push({ key, operator: op.kind === 'in' ? 'in' : 'notIn', values });
          break;
        }
        case '>':
        case '<': {
          const value = identifier('an integer');
          if (!/^-?\d+$/.test(value)) fail(`"${value}" is not an integer`);
          requirements.push({ key, operator: op.kind === '>' ? 'gt' : 'lt', values: [value] });
          break;
        }
        default:
          fail(
            `expected an operator after "${key}", found "${op.kind === 'identifier' ? op.text : op.kind}"`,
          );
      }
    }
    const separator = take();
    if (separator.kind === 'end') return requirements;
    if (separator.kind !== ',')
      fail(`expected ",", found "${separator.kind === 'identifier' ? separator.text : separator.kind}"`);
  }
}

const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validKey(key: string, fail: (why: string) => never): string {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    fail(`invalid label key "${key}"`);
  if (!NAME_PART.test(name)) fail(`invalid label key "${key}"`);
  return key;
}

function validValue(value: string, fail: (why: string) => never): string {
  if (value !== '' && !NAME_PART.test(value)) fail(`invalid label value "${value}"`);
  return value;
}

export function matchesLabels(selector: LabelSelector, labels: Labels): boolean {
  for (const { key, operator, values } of selector) {
    const has = Object.hasOwn(labels, key);
    const value = has ? labels[key] : undefined;
    switch (operator) {
      case 'exists':
        if (!has) return false;
        break;
      case 'doesNotExist':
        if (has) return false;
        break;
      case 'equals':
      case 'in':
        if (value === undefined || !values.includes(value)) return false;
        break;
      // Absent labels satisfy != and notin, as in Kubernetes.
      case 'notEquals':
      case 'notIn':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case 'gt':
      case 'lt': {
        if (value === undefined || !/^-?\d+$/.test(value)) return false;
        const bound = Number(values[0]);
        if (operator === 'gt' ? !(Number(value) > bound) : !(Number(value) < bound)) return false;
        break;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------- field selector

export interface FieldRequirement {
  field: string;
  operator: 'equals' | 'notEquals';
  value: string;
}

export type FieldSelector = readonly FieldRequirement[];

/**
 * `a=b,c!=d`; `\,` `\=` `\!` and `\\` escape those characters in values. Fields outside
 * `supported` are refused, with the API server's message.
 */
export function parseFieldSelector(text: string, supported: readonly string[]): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const term of splitUnescaped(text, ',')) {
    if (term.trim() === '') continue;
    const match = /^(.*?)(!=|==|=)(.*)$/s.exec(findOperatorSplit(term));
    if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = (match[1] as string).trim();
    const value = unescape(term.slice((match[1] as string).length + (match[2] as string).length));
    if (!supported.includes(field)) throw badRequest(`field label not supported: ${field}`);
    requirements.push({ field, operator: match[2] === '!=' ? 'notEquals' : 'equals', value });
  }
  return requirements;
}

export function matchesFields(selector: FieldSelector, valueOf: (field: string) => string): boolean {
  for (const { field, operator, value } of selector) {
    if ((valueOf(field) === value) !== (operator === 'equals')) return false;
  }
  return true;
}

/** The term with escaped characters masked, so the operator search skips them. */
function findOperatorSplit(term: string): string {
  return term.replace(/\\./g, '__');
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + (text[i + 1] as string);
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

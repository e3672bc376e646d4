// The user's factions dictionary (.dateline/factions.json): parsed and validated into entries plus problems
// with offsets into the file, so the editor can underline each defect while the valid entries keep working.
// Pure: text in, data out (jsonc-parser is a pure parser).
import { findNodeAtLocation, Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { Span } from '../types';
import { emptyDictionary, FactionDictionary, validateDictionary } from './dictionary';

export interface UserFactionProblem extends Span {
  message: string;
}

export interface UserFactions {
  dictionary: FactionDictionary;
  problems: UserFactionProblem[];
}

/** Parses `.dateline/factions.json`; `knownIds` are the built-in ids user entries may refer to (parent, backers). Never throws. */
export function parseUserFactions(text: string, knownIds: ReadonlySet<string> = new Set()): UserFactions {
  try {
    return parseChecked(text, knownIds);
  } catch (err) {
    return { dictionary: emptyDictionary(), problems: [{ start: 0, end: Math.min(1, text.length), message: `cannot read the file: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}

function parseChecked(text: string, knownIds: ReadonlySet<string>): UserFactions {
  if (!text.trim()) return { dictionary: emptyDictionary(), problems: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: UserFactionProblem[] = errors.map((e) => ({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `JSON: ${printParseErrorCode(e.error)}` }));
  if (!root) return { dictionary: emptyDictionary(), problems };
  const value = nodeValue(root);
  const { dictionary, problems: found } = validateDictionary(value, knownIds);
  for (const p of found) {
    const node = nodeAtPath(root, p.path);
    problems.push({ start: node.offset, end: node.offset + node.length, message: p.message });
  }
  return { dictionary, problems };
}

/** The deepest node along a problem path ("factions/3/aliases/1"), for the underline. */
function nodeAtPath(root: Node, path: string): Node {
  const parts = path ? path.split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  for (let n = parts.length; n > 0; n--) {
    const node = findNodeAtLocation(root, parts.slice(0, n));
    if (node) return node.parent?.type === 'property' && typeof parts[n - 1] === 'string' ? node.parent : node;
  }
  return root;
}

/** Plain value of a (possibly partly broken) tree; jsonc-parser's getNodeValue would do, but errors leave holes. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, val] = prop.children ?? [];
        if (key && val && typeof key.value === 'string') out[key.value] = nodeValue(val);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

// A dated clause cut out of a claim sentence is not yet something a reader can take alone:
// "before storming it" has no subject, no tense and no place; "IS militants stormed it" points back at a town
// the clause never names. This turns the clause into a short headline ("Islamic State militants stormed
// al-Qaryatayn") or says it cannot stand alone (null), so the timeline never shows a fragment.

/** Words that join the clause to the rest of the sentence and mean nothing once it stands alone. */
const LEADING = /^(?:and|but|then|also|later|finally|before|after|while|as|when|whereas|until|till|since|once|so)\s+/i;
/** Back-references to the sentence's place: "stormed it", "raised the flag over the town". */
const PLACE_REFERENCE = /\b(?:it|the (?:town|city|village|border town|city centre|city center))\b(?!')/gi;
/** Finite verbs that do not end in -ed, the common ones of conflict reporting (plus auxiliaries and modals). */
const FINITE = new Set(
  (
    'is are was were has have had will would can could may might shall should must did does do ' +
    'says said holds held controls remains remained took retook overran overtook fell won lost began fought ' +
    'hit struck shot made told met left came went ran broke drove withdrew swept gave sent led brought kept ' +
    'set put spread found saw rose stood became blew tore beat bombed shelled stormed seized'
  ).split(' '),
);
const MAX_LEADING = 3;

export interface ClauseActor {
  name: string;
  /** The words the article used for the actor ("IS", "the army"), when they stand in the clause. */
  surface: string | null;
}

export interface ClauseSummary {
  summary: string;
  /** False when the clause has a subject of its own that is not the actor ("reinforcements were arriving"). */
  aboutActor: boolean;
}

/** A readable event summary for a dated clause, or null when the clause cannot be read on its own. */
export function clauseSummary(clause: string, actor: ClauseActor | null, placeName: string | null): ClauseSummary | null {
  let text = clause.trim();
  for (let i = 0; i < MAX_LEADING && LEADING.test(text); i++) text = text.replace(LEADING, '');
  const ownSubject = actor?.surface ? startsWith(text, actor.surface) : null;
  const rest = ownSubject !== null ? text.slice(ownSubject) : text;
  if (!hasFiniteVerb(rest)) return null;
  let unresolved = false;
  const resolved = rest.replace(PLACE_REFERENCE, (ref, at: number) => {
    // "said it would push on": an "it" before a verb is the speaker, not the town; left as written.
    if (/^it$/i.test(ref) && isFiniteVerb(nextWord(rest, at + ref.length))) return ref;
    if (placeName) return placeName;
    unresolved = true;
    return ref;
  });
  if (unresolved) return null;
  // The clause's own subject is the actor: say it by name, once ("IS militants stormed" -> "Islamic State militants stormed").
  // A clause opening on its verb ("declared victory") borrows the actor; one with another subject keeps its own.
  const borrows = actor !== null && ownSubject === null && opensOnVerb(resolved);
  const aboutActor = ownSubject !== null || borrows;
  const summary = ownSubject !== null ? `${actor!.name}${resolved}` : borrows ? `${actor!.name} ${resolved}` : resolved;
  if (summary.split(' ').length < 2) return null;
  return { summary: summary.charAt(0).toUpperCase() + summary.slice(1), aboutActor };
}

/** "declared victory", "officially declared its victory": the clause starts with its verb, so its subject is the sentence's. */
function opensOnVerb(text: string): boolean {
  const [first = '', second = ''] = text.trim().toLowerCase().split(/\s+/, 2);
  return isFiniteVerb(first) || (first.endsWith('ly') && isFiniteVerb(second));
}

/** Length of the clause's opening "(the) <surface>" when it starts with the actor's words, else null. */
function startsWith(text: string, surface: string): number | null {
  const s = surface.replace(/^the\s+/i, '');
  const lower = text.toLowerCase();
  for (const prefix of ['', 'the ']) {
    const head = prefix + s.toLowerCase();
    if (lower.startsWith(head) && !/[\p{L}\p{N}]/u.test(lower.charAt(head.length))) return head.length;
  }
  return null;
}

function nextWord(text: string, from: number): string {
  return /^\s+([a-z'-]+)/i.exec(text.slice(from, from + 40))?.[1].toLowerCase() ?? '';
}

/** Whether the words hold a tensed verb: "stormed", "were retreating" yes; "storming it" alone no. */
function hasFiniteVerb(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .some(isFiniteVerb);
}

function isFiniteVerb(word: string): boolean {
  return FINITE.has(word) || (word.length > 4 && word.endsWith('ed'));
}

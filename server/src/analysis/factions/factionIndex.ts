// OWNED BY the factions work (issue 5): the factions dictionary, indexed for matching.
export interface FactionIndex {
  size: number;
}

export function emptyFactionIndex(): FactionIndex {
  return { size: 0 };
}

// OWNED BY the places work (issue 3): the gazetteer index built from compact data.
export interface PlaceIndex {
  /** Number of places known. */
  size: number;
}

export function emptyPlaceIndex(): PlaceIndex {
  return { size: 0 };
}

// Votes per country, for the country an article is most about (coreference's focus country, and the factions
// pass's pick among same-named factions of several countries). An article names a handful of countries: two
// short lists searched in order cost less than a Map's get and set per vote (those were most of the focus
// country's time), and keep the order of first votes, which breaks ties.

/** Votes per country, countries in the order of their first vote. Reused: clear() before each article. */
export class CountryTally {
  private readonly countries: string[] = [];
  private readonly counts: number[] = [];

  /** Forgets every vote. */
  clear(): void {
    this.countries.length = 0;
    this.counts.length = 0;
  }

  /** Adds `weight` votes for `country`. */
  add(country: string, weight: number): void {
    const countries = this.countries;
    for (let k = 0; k < countries.length; k++) {
      if (countries[k] === country) {
        this.counts[k] += weight;
        return;
      }
    }
    countries.push(country);
    this.counts.push(weight);
  }

  /** The votes for `country` (0 without any). */
  get(country: string): number {
    const countries = this.countries;
    for (let k = 0; k < countries.length; k++) if (countries[k] === country) return this.counts[k];
    return 0;
  }

  /** The country with the most votes, the first voted for on a tie; null without votes. */
  best(): string | null {
    let best: string | null = null;
    let bestVotes = 0;
    for (let k = 0; k < this.countries.length; k++) {
      if (this.counts[k] > bestVotes) {
        best = this.countries[k];
        bestVotes = this.counts[k];
      }
    }
    return best;
  }
}

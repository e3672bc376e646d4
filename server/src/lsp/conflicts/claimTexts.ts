// The claims of conflicts in protocol shape, with their sentences and locations: each article's text is read
// once per request, however many conflicts name it.
import { Conflict } from '../../analysis/conflicts';
import { ConflictClaimInfo } from '../../protocol';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';

export class ClaimTexts {
  /**
   * Texts read so far, by URI (null: the article is gone). An indexed article's text is unpacked on each read
   * past the last 64, and a list of conflicts in id order names its articles in no order at all.
   */
  private readonly texts = new Map<string, { record: ArticleRecord; text: string } | null>();

  constructor(private readonly ctx: ServerContext) {}

  /** The claims of a conflict; those whose article is gone (or no longer holds the claim's range) are left out. */
  claimsOf(c: Conflict): ConflictClaimInfo[] {
    const out: ConflictClaimInfo[] = [];
    for (const x of c.claims) {
      const article = this.article(x.uri);
      if (!article || x.range.end > article.text.length) continue;
      const { record, text } = article;
      out.push({
        claimId: x.claimId,
        location: { uri: x.uri, range: record.lines.rangeOf(x.range) },
        source: x.source.name,
        value: x.value,
        summary: x.summary,
        modality: x.modality,
        dateLabel: x.dateLabel,
        sentence: text.slice(x.range.start, x.range.end),
        article: { uri: x.uri, headline: record.analysis.headline, published: record.analysis.publication.date },
      });
    }
    return out;
  }

  private article(uri: string): { record: ArticleRecord; text: string } | null {
    let hit = this.texts.get(uri);
    if (hit === undefined) {
      const record = this.ctx.store.get(uri);
      hit = record ? { record, text: record.text } : null;
      this.texts.set(uri, hit);
    }
    return hit;
  }
}

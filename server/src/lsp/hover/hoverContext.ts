import { Knowledge } from '../../analysis';
import { ArticleRecord, ArticleStore } from '../articleStore';

/** What a hover may look at: the article under the cursor, the whole index and the knowledge. */
export interface HoverContext {
  record: ArticleRecord;
  store: ArticleStore;
  knowledge: Knowledge;
}

// The outline core's public face: grouping for the side panel, the Outline, navigation, citations, symbol search.
export * from './types';
export { entityTree, entityTrees, mentionKindsOf, treesFrom } from './entityTree';
export { EntityCollector, type RowMode } from './entities';
export { entitiesOfArticle, type ArticleEntities } from './articleEntities';
export { StringPool } from './ownStrings';
export { completeRows } from './deferredRows';
export { documentOutline, type OutlineSymbol } from './documentOutline';
export { mentionAtOffset, entityMentions, firstMention } from './navigation';
export { readingOrder, spanIn } from './articleText';
export { citationAt, type Citation } from './citation';
export { articleSymbols, searchSymbols, symbolIndex, symbolIndexSteps, subsequence, type FoundSymbol, type LocateSymbol, type SymbolArticle, type SymbolEntity, type SymbolIndex } from './symbolSearch';
export { nameKnowledge, NO_NAMES, type NameKnowledge } from './knownNames';
export { withoutMentions, complete, childrenOf, findNode, withRows, rowsPage, rowCount, FIRST_ROW, type PagedNode, type RowCursor } from './treePaging';

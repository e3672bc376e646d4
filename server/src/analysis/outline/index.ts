// The outline core's public face: grouping for the side panel, the Outline, navigation, citations, symbol search.
export * from './types';
export { entityTree } from './entityTree';
export { documentOutline, type OutlineSymbol } from './documentOutline';
export { mentionAtOffset, entityMentions, firstMention } from './navigation';
export { citationAt, type Citation } from './citation';
export { articleSymbols, searchSymbols, symbolIndex, subsequence, type FoundSymbol, type LocateSymbol, type SymbolArticle, type SymbolEntity, type SymbolIndex } from './symbolSearch';
export { nameKnowledge, NO_NAMES, type NameKnowledge } from './knownNames';
export { withoutMentions, complete, childrenOf, findNode, type PagedNode } from './treePaging';

// The map core: who held each place when, from the claims. Pure: plain data in, plain data out.
export { controlHistory, controlAt, placeFeaturesOf } from './controlHistory';
export type { ControlArticle, ControlBasis, ControlConflict, ControlParty, ControlPeriod, PartyRole, PlaceControl } from './controlHistory';
export { mapOfPlaces, mapOfPlacesSteps, mapPlaces } from './mapPlaces';
export type { MapOfPlaces } from './mapPlaces';
export { articlePlaces, type MapArticle, type MapArticlePlace } from './mapArticle';
export { placeSentences, SENTENCES_PER_PAGE, type PlaceSentences } from './placeSentences';

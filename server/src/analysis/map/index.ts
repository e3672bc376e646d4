// The map core: who held each place when, from the claims. Pure: plain data in, plain data out.
export { controlHistory, controlAt } from './controlHistory';
export type { ControlArticle, ControlBasis, ControlConflict, ControlParty, ControlPeriod, PartyRole, PlaceControl } from './controlHistory';
export { mapPlaces } from './mapPlaces';

// Words the date tagger knows, all lower-case. Our own lists, written for wire copy. The lists are
// WordMap/WordSet (wordShapes.ts): lookups on them reject most words without hashing them.
import { WordMap, WordSet } from './wordShapes';

/** Month names and the abbreviations agencies use ("Sept.", "Aug."). */
export const MONTHS: WordMap<number> = new WordMap(new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]));

/** Full month names that are also ordinary words: they need date context to count. */
export const AMBIGUOUS_MONTHS: WordSet = new WordSet(['may', 'march', 'mar', 'jan', 'dec', 'sep', 'jun', 'jul']);

export const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAY_ABBR = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** ISO weekday numbers, Monday = 1. */
export const WEEKDAYS: WordMap<number> = new WordMap(new Map([
  ['monday', 1], ['mon', 1], ['tuesday', 2], ['tue', 2], ['tues', 2], ['wednesday', 3], ['wed', 3],
  ['thursday', 4], ['thu', 4], ['thur', 4], ['thurs', 4], ['friday', 5], ['fri', 5], ['saturday', 6], ['sat', 6],
  ['sunday', 7], ['sun', 7],
]));

/** Capitalised words before a weekday that make it a name, not a day: "Bloody Sunday", "Super Tuesday". */
export const WEEKDAY_NAME_BEFORE: WordSet = new WordSet(['bloody', 'black', 'good', 'holy', 'ash', 'super', 'palm', 'easter', 'cyber', 'maundy', 'whit', 'shrove', 'low']);
/** Capitalised words after a weekday that make it a title: "Sunday Times", "Sunday Telegraph". */
export const WEEKDAY_NAME_AFTER: WordSet = new WordSet([
  'times', 'telegraph', 'express', 'mirror', 'post', 'herald', 'mail', 'independent', 'tribune', 'observer', 'star',
  'sport', 'business', 'review', 'magazine', 'edition', 'people', 'world', 'record', 'sun', 'school', 'league', 'club',
]);

export const NUMBER_WORDS: WordMap<number> = new WordMap(new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['a', 1], ['an', 1],
  ['single', 1], ['dozen', 12],
]));

/** Quantities that leave a duration's amount unknown: "several years" is PXY. */
export const VAGUE_AMOUNTS: WordSet = new WordSet(['several', 'few', 'many', 'some', 'a few', 'numerous', 'couple']);

export const ORDINALS: WordMap<number> = new WordMap(new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['last', -1], ['final', -1],
]));

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Unit words, singular and plural. */
export const UNITS: WordMap<Unit> = new WordMap(new Map([
  ['second', 'second'], ['seconds', 'second'], ['minute', 'minute'], ['minutes', 'minute'], ['min', 'minute'], ['mins', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['hr', 'hour'], ['hrs', 'hour'], ['day', 'day'], ['days', 'day'],
  ['week', 'week'], ['weeks', 'week'], ['weekend', 'weekend'], ['weekends', 'weekend'], ['fortnight', 'fortnight'],
  ['month', 'month'], ['months', 'month'], ['quarter', 'quarter'], ['quarters', 'quarter'], ['year', 'year'], ['years', 'year'],
  ['decade', 'decade'], ['decades', 'decade'], ['century', 'century'], ['centuries', 'century'],
]));

/** A unit and "long" written as one word: "weeklong", "yearlong", "hourlong" (one of the unit). */
export const JOINED_LONG: WordMap<Unit> = new WordMap(new Map(
  (['hour', 'day', 'week', 'month', 'year', 'decade'] as const).map((u): [string, Unit] => [`${u}long`, u]),
));

/** TIMEX3 duration letters per unit; time units go after "T". */
export const UNIT_CODE: Record<Unit, { code: string; time: boolean; scale: number }> = {
  second: { code: 'S', time: true, scale: 1 },
  minute: { code: 'M', time: true, scale: 1 },
  hour: { code: 'H', time: true, scale: 1 },
  day: { code: 'D', time: false, scale: 1 },
  week: { code: 'W', time: false, scale: 1 },
  weekend: { code: 'WE', time: false, scale: 1 },
  fortnight: { code: 'W', time: false, scale: 2 },
  month: { code: 'M', time: false, scale: 1 },
  quarter: { code: 'Q', time: false, scale: 1 },
  year: { code: 'Y', time: false, scale: 1 },
  decade: { code: 'DE', time: false, scale: 1 },
  century: { code: 'CE', time: false, scale: 1 },
};

/** Parts of the day, TIMEX3 codes. */
export const DAY_PARTS: WordMap<string> = new WordMap(new Map([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'], ['overnight', 'NI'], ['midday', 'MI'], ['noon', 'MI'],
  ['dawn', 'MO'], ['daybreak', 'MO'], ['dusk', 'EV'], ['daytime', 'DT'], ['midnight', 'NI'],
]));

export const SEASONS: WordMap<string> = new WordMap(new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]));

/** Adverbs and phrases that point at the past, present or future without a date. */
export const REF_WORDS: WordMap<'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF'> = new WordMap(new Map([
  ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['nowadays', 'PRESENT_REF'], ['presently', 'PRESENT_REF'],
  ['recently', 'PAST_REF'], ['lately', 'PAST_REF'], ['soon', 'FUTURE_REF'],
]));

/** Modifiers before a period: "late last month", "the end of October". */
export const MOD_WORDS: WordMap<'START' | 'MID' | 'END'> = new WordMap(new Map([
  ['early', 'START'], ['mid', 'MID'], ['late', 'END'], ['beginning', 'START'], ['start', 'START'], ['middle', 'MID'],
  ['end', 'END'], ['close', 'END'], ['dawn', 'START'], ['turn', 'START'],
]));

/** Adverbs of frequency: "daily" is SET P1D. */
export const FREQUENCY_WORDS: WordMap<string> = new WordMap(new Map([
  ['daily', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['yearly', 'P1Y'], ['annually', 'P1Y'], ['annual', 'P1Y'],
  ['hourly', 'PT1H'], ['nightly', 'P1D'], ['quarterly', 'P3M'], ['biweekly', 'P2W'], ['fortnightly', 'P2W'],
]));

/** Words after a bare number that make it a count, never a year: "2000 fighters". */
export const COUNT_NOUNS: WordSet = new WordSet([
  'people', 'persons', 'fighters', 'troops', 'soldiers', 'civilians', 'men', 'women', 'children', 'residents', 'families',
  'militants', 'rebels', 'refugees', 'dead', 'killed', 'wounded', 'injured', 'km', 'kilometers', 'kilometres', 'miles',
  'meters', 'metres', 'feet', 'tons', 'tonnes', 'dollars', 'euros', 'pounds', 'barrels', 'votes', 'members', 'units',
  'vehicles', 'cars', 'homes', 'houses', 'buildings', 'shares', 'points', 'jobs', 'workers', 'students', 'cases',
  'deaths', 'victims', 'prisoners', 'detainees', 'hostages', 'sq', 'square', 'hectares', 'acres', 'kg', 'mm', 'cm',
  'percent', 'per', 'times', 'aircraft', 'planes', 'jets', 'tanks', 'rockets', 'missiles', 'shells', 'bombs', 'airstrikes',
  'strikes', 'raids', 'attacks', 'seats', 'delegates', 'employees', 'staff', 'patients', 'migrants', 'displaced', 'calories',
  'words', 'pages', 'copies', 'visitors', 'fans', 'spectators', 'passengers', 'guests', 'participants', 'votes', 'mw', 'kw',
  'gb', 'mb', 'hours', 'minutes', 'days', 'weeks', 'months', 'years', 'times', 'million', 'billion', 'thousand', 'more', 'others',
]);

/** Words before a bare number that make it a count or a code, never a year. */
export const NOT_YEAR_BEFORE: WordSet = new WordSet([
  'no', 'number', 'nos', 'route', 'highway', 'resolution', 'flight', 'room', 'page', 'pages', 'article', 'section', 'chapter',
  'model', 'version', 'code', 'apartment', 'suite', 'unit', 'about', 'around', 'nearly', 'almost', 'some', 'over', 'than',
  'least', 'approximately', 'roughly', 'only', 'just', 'exactly', 'total', 'killed', 'killing', 'kill',
]);

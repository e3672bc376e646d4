// The robustness suite (issue 10): the core on hostile input, the server through bad files and
// bursts, and article text that must never run. Ends with the count of cases tried and passed.
import { after } from 'node:test';
import { summary } from './support/tally';
import './coreProperties';
import './serverInputs';
import './security';
import './memory';

after(() => {
  console.log(summary());
});

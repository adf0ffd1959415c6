// Importing this module makes German available to every element (`lang="de"` or `locale="de"`).
// German is a separate entry so hosts that only need English do not pay for it.
import { registerTranslation } from '../localize.js';
import { de } from './de.js';

registerTranslation(de);

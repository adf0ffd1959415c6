// Importing this module makes Arabic available to every element (`lang="ar"` or `locale="ar"`).
// Arabic reads right to left: the host sets `dir="rtl"` too (every layout uses logical properties).
import { registerTranslation } from '../localize.js';
import { ar } from './ar.js';

registerTranslation(ar);

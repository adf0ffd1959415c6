import type { Translation } from './terms.js';

// Arabic has six plural categories (zero, one, two, few, many, other) and a counted noun changes
// form with them; Intl.PluralRules chooses the category, each term spells out its forms.
const rules = new Intl.PluralRules('ar');
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
const plural = (n: number, forms: Forms) => forms[rules.select(n)] ?? forms.other;

/** "N leads", counted. */
const leads = (n: number, f: string) =>
  plural(n, {
    zero: 'لا عملاء محتملين',
    one: 'عميل محتمل واحد',
    two: 'عميلان محتملان',
    few: `${f} عملاء محتملين`,
    many: `${f} عميلًا محتملًا`,
    other: `${f} عميل محتمل`,
  });

/** "N orders", counted. */
const orders = (n: number, f: string) =>
  plural(n, { zero: 'لا طلبات', one: 'طلب واحد', two: 'طلبان', few: `${f} طلبات`, many: `${f} طلبًا`, other: `${f} طلب` });

/** "N days", counted. */
const days = (n: number, f: string) =>
  plural(n, { zero: `${f} يوم`, one: 'يوم واحد', two: 'يومان', few: `${f} أيام`, many: `${f} يومًا`, other: `${f} يوم` });

/** Arabic (right to left): hosts set `dir="rtl"` on the page or an ancestor of the widgets. */
export const ar: Translation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  status: {
    Draft: 'مسودة',
    Active: 'نشط',
    Paused: 'متوقف مؤقتًا',
    Completed: 'مكتمل',
    Cancelled: 'ملغى',
  },
  pace: { ahead: 'متقدم على الخطة', on_track: 'وفق الخطة', behind: 'متأخر عن الخطة' },
  loading: 'جارٍ التحميل…',
  error: 'تعذّر التحميل.',
  retry: 'إعادة المحاولة',
  orderNotFound: 'الطلب غير موجود.',
  progressLabel: 'تقدّم التسليم',
  progressValue: (d, p, pct) => `تم تسليم ${d} من ${p} (${pct})`,
  deliveredOf: (d, p) => `تم تسليم ${d} / ${p}`,
  remaining: (n, f) => (n === 0 ? 'لم يتبقَّ شيء' : `يتبقى ${leads(n, f)}`),
  daysLeft: (n, f) => `يتبقى ${days(n, f)}`,
  daysOverdue: (n, f) => `متأخر ${days(n, f)}`,
  dueToday: 'مستحق اليوم',
  noTargetDate: 'بلا تاريخ مستهدف',
  selectLabel: 'الطلب',
  selectPlaceholder: 'اختر طلبًا',
  selectNone: 'تعيين بدون طلب',
  selectEmpty: 'لا توجد طلبات لهذا العميل.',
  selectNoClient: 'اختر عميلًا أولًا.',
  selectValueMissing: 'يرجى اختيار طلب.',
  optionFull: 'ممتلئ',
  optionNotActive: (status) => status,
  nearlyFull: (n, f) => `شبه ممتلئ: يتبقى ${leads(n, f)} فقط في هذا الطلب.`,
  listLabel: 'الطلبات',
  listEmpty: 'لا توجد طلبات بعد.',
  listNoMatches: 'لا توجد طلبات تطابق هذا الفلتر.',
  filterStatus: 'الحالة',
  allStatuses: 'كل الحالات',
  sortBy: 'الترتيب حسب',
  sortPriority: 'الأولوية',
  sortTargetDate: 'التاريخ المستهدف',
  sortProgress: 'التقدّم',
  sortNewest: 'الأحدث',
  pageOf: (page, pages) => `الصفحة ${page} من ${pages}`,
  pageNumber: (page) => `الصفحة ${page}`,
  pagination: 'الصفحات',
  previousPage: 'الصفحة السابقة',
  nextPage: 'الصفحة التالية',
  orderCount: (n, f) => orders(n, f),
  orderCountMore: (f) => `أكثر من ${f} طلب`,
  activeOrdersTitle: 'الطلبات النشطة',
  activeTotal: 'نشطة',
  needingAttention: 'تحتاج إلى متابعة',
  overdue: 'متأخرة',
  viewAllOrders: 'عرض كل الطلبات',
  myOrdersTitle: 'طلباتي',
  activeCount: 'الطلبات النشطة',
  totalDelivered: 'العملاء المحتملون المسلَّمون',
};

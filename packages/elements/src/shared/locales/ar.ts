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

/** "for N days", after "منذ" (the dual in its oblique form). */
const sinceDays = (n: number, f: string) =>
  plural(n, { zero: `${f} يوم`, one: 'يوم واحد', two: 'يومين', few: `${f} أيام`, many: `${f} يومًا`, other: `${f} يوم` });

// After a verb noun ("تعيين", "تم تصدير") or a preposition the dual takes its oblique form
// (طلبين, not طلبان); zero keeps the numeral because "لا" cannot follow those words.
/** "N leads" as an object. */
const leadsObject = (n: number, f: string) =>
  plural(n, {
    zero: `${f} عميل محتمل`,
    one: 'عميل محتمل واحد',
    two: 'عميلين محتملين',
    few: `${f} عملاء محتملين`,
    many: `${f} عميلًا محتملًا`,
    other: `${f} عميل محتمل`,
  });

/** "N orders" as an object. */
const ordersObject = (n: number, f: string) =>
  plural(n, { zero: `${f} طلب`, one: 'طلب واحد', two: 'طلبين', few: `${f} طلبات`, many: `${f} طلبًا`, other: `${f} طلب` });

/** "N fields", counted. */
const fields = (n: number, f: string) =>
  plural(n, { zero: 'لا حقول', one: 'حقل واحد', two: 'حقلان', few: `${f} حقول`, many: `${f} حقلًا`, other: `${f} حقل` });

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
  clientNotFound: 'العميل غير موجود.',
  notConnected: 'لا يوجد اتصال ببيانات الطلبات.',
  progressLabel: 'تقدّم التسليم',
  progressValue: (d, p, pct) => `تم تسليم ${d} من ${p} (${pct})`,
  deliveredOf: (d, p) => `تم تسليم ${d} / ${p}`,
  remaining: (n, f) => (n === 0 ? 'لم يتبقَّ شيء' : `يتبقى ${leads(n, f)}`),
  daysLeft: (n, f) => `يتبقى ${days(n, f)}`,
  daysOverdue: (n, f) => `متأخر منذ ${sinceDays(n, f)}`,
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
  // admin-orders-table
  tableLabel: 'الطلبات',
  colSelect: 'تحديد',
  selectAll: 'تحديد كل الطلبات في هذه الصفحة',
  selectRow: (number) => `تحديد ${number}`,
  colOrder: 'الطلب',
  colClient: 'العميل',
  colName: 'الاسم',
  colProgress: 'التقدّم',
  colStatus: 'الحالة',
  colTarget: 'التاريخ المستهدف',
  colPriority: 'الأولوية',
  colActions: 'الإجراءات',
  sortColumn: (column) => `الترتيب حسب ${column}`,
  filterClient: 'العميل',
  allClients: 'كل العملاء',
  filterTargetFrom: 'التاريخ المستهدف من',
  filterTargetTo: 'التاريخ المستهدف إلى',
  filterSearch: 'بحث',
  clearFilters: 'مسح عوامل التصفية',
  actionActivate: 'تفعيل',
  actionPause: 'إيقاف مؤقت',
  actionResume: 'استئناف',
  actionReopen: 'إعادة فتح',
  actionComplete: 'إتمام',
  actionCancel: 'إلغاء الطلب',
  rowActions: (number) => `إجراءات ${number}`,
  actionOnOrder: (action, number) => `${action} ${number}`,
  confirmComplete: (number) => `إتمام ${number}؟ لن يستقبل بعدها أي عملاء محتملين.`,
  confirmCancel: (number) => `إلغاء ${number}؟ لا يمكن التراجع عن ذلك.`,
  confirmBulkCancel: (n, f) => `إلغاء ${ordersObject(n, f)}؟ لا يمكن التراجع عن ذلك.`,
  confirmYes: 'نعم، تابِع',
  confirmNo: 'لا، تراجَع',
  selectedCount: (_n, f) => `المحدَّد: ${f}`,
  bulkLabel: 'الطلبات المحدَّدة',
  bulkPause: 'إيقاف مؤقت',
  bulkResume: 'استئناف',
  bulkCancel: 'إلغاء',
  actionDone: (number, status) => `حالة ${number} الآن: ${status}.`,
  actionRefused: (number, message) => `لم يتغيّر ${number}: ${message}`,
  refusedOrderFull: (n, f) => (n <= 0 ? 'الطلب ممتلئ.' : `المتاح في الطلب: ${f} فقط.`),
  refusedOrderNotActive: (status) => `حالة الطلب: ${status}؛ لا يقبل العملاء المحتملين إلا طلب نشط.`,
  refusedLeadClientMismatch: 'العميل المحتمل تابع لعميل غير عميل الطلب.',
  refusedNumberTaken: 'يوجد طلب آخر بهذا الرقم بالفعل.',
  refusedInvalidInput: 'بعض المدخلات غير صالحة.',
  exportCsv: 'تصدير CSV',
  exporting: 'جارٍ التصدير…',
  exportProgress: (n, f) => `تم تصدير ${ordersObject(n, f)}…`,
  exportDone: 'تم تصدير ملف CSV.',
  exportFailed: (message) => `تعذّر التصدير: ${message}`,
  csvHeaders: {
    order_number: 'رقم الطلب',
    client_name: 'العميل',
    name: 'الاسم',
    status: 'الحالة',
    priority: 'الأولوية',
    leads_purchased: 'المشتراة',
    leads_delivered: 'المسلَّمة',
    leads_remaining: 'المتبقية',
    completion_percentage: 'نسبة الإنجاز %',
    start_date: 'تاريخ البدء',
    target_delivery_date: 'التاريخ المستهدف',
    completion_date: 'تاريخ الإنجاز',
    created_at: 'تاريخ الإنشاء',
  },
  // order-form
  formCreateTitle: 'طلب جديد',
  formEditTitle: (number) => `تعديل ${number}`,
  fieldClient: 'العميل',
  fieldClientSearch: 'البحث عن عميل',
  chooseClient: 'اختر عميلًا',
  fieldNumberMode: 'رقم الطلب',
  numberAuto: 'تلقائي',
  numberManual: 'إدخال رقم خاص',
  numberPreview: (number) => `الرقم التالي: ${number}`,
  fieldNumber: 'رقم الطلب',
  numberChecking: 'جارٍ التحقق…',
  numberAvailable: 'هذا الرقم متاح.',
  numberTaken: 'هذا الرقم مستخدم في طلب آخر.',
  fieldQuantity: 'عدد العملاء المحتملين المشترَين',
  fieldStartDate: 'تاريخ البدء',
  fieldTargetDate: 'تاريخ التسليم المستهدف',
  fieldName: 'الاسم',
  fieldDescription: 'الوصف',
  fieldPriority: 'الأولوية',
  fieldStatus: 'الحالة الأولية',
  submitCreate: 'إنشاء الطلب',
  submitEdit: 'حفظ التغييرات',
  saving: 'جارٍ الحفظ…',
  saved: (number) => `تم حفظ ${number}.`,
  fixFields: (n, f) => `${fields(n, f)} بحاجة إلى مراجعة.`,
  saveFailed: (message) => `لم يتم الحفظ: ${message}`,
  errClientRequired: 'اختر العميل الذي يخصّه هذا الطلب.',
  errNumberRequired: 'أدخل رقم الطلب، أو اختر الرقم التلقائي.',
  errNumberTooLong: (max) => `لا يزيد رقم الطلب عن ${max} حرفًا.`,
  errQuantity: (min, max) => `أدخل عددًا صحيحًا من العملاء المحتملين من ${min} إلى ${max}.`,
  errQuantityBelowDelivered: 'سُلِّم لهذا الطلب بالفعل عدد من العملاء المحتملين أكبر من ذلك.',
  errDate: 'أدخل تاريخًا.',
  errDateRange: (min, max) => `أدخل تاريخًا من ${min} إلى ${max}.`,
  errDatesOrder: 'لا يمكن أن يسبق التاريخ المستهدف تاريخ البدء.',
  errPriority: (min, max) => `أدخل عددًا صحيحًا من ${min} إلى ${max}.`,
  errTooLong: (max) => `أدخل ${max} حرفًا على الأكثر.`,
  // order-assignment-dialog
  dialogTitle: 'تعيين عميل محتمل',
  dialogClient: 'العميل',
  dialogClientSearch: 'البحث عن عميل',
  dialogChooseClient: 'اختر عميلًا',
  dialogClientRequired: 'اختر العميل الذي سيُسلَّم إليه هذا العميل المحتمل.',
  dialogOrderRequired: 'اختر طلبًا، أو عيِّن بدون طلب.',
  dialogAssign: 'تعيين',
  dialogCancel: 'إلغاء',
  dialogAssigning: 'جارٍ التعيين…',
  dialogRefused: (message) => `لم يتم التعيين: ${message}`,
  dialogOrderFull: 'هذا الطلب ممتلئ. اختر طلبًا آخر.',
  dialogLeavesOrder: 'بدون طلب، سيغادر هذا العميل المحتمل طلبه الحالي.',
  dialogNoClients: (search) => `لا يوجد عميل يطابق «${search}».`,
  dialogClientsFailed: (message) => `تعذّر تحميل العملاء: ${message}`,
  // order-filter
  orderFilterLabel: 'الطلب',
  orderFilterAll: 'كل الطلبات',
  orderFilterNone: 'بدون طلب',
  orderFilterOne: 'طلب واحد',
  orderFilterClient: 'العميل',
  orderFilterChooseClient: 'اختر عميلًا',
  orderFilterOrder: 'الطلب',
  orderFilterChooseOrder: 'اختر طلبًا',
  // order detail pages and the delivery chart; counts arrive formatted without the raw number,
  // so "من العملاء المحتملين" keeps the noun clear of the numeral's agreement rules
  chartTitle: 'التسليمات',
  chartDelivered: 'المسلَّم',
  chartPace: 'الوتيرة اللازمة لبلوغ الهدف',
  chartTarget: 'الهدف',
  chartDataTable: 'التسليمات في جدول',
  chartDay: 'اليوم',
  chartWeekOf: 'الأسبوع الذي يبدأ في',
  chartDeliveredInBucket: 'المسلَّم',
  chartCumulative: 'الإجمالي',
  chartSummary: (d, p, lastDay, target) =>
    `تم تسليم ${d} من أصل ${p} من العملاء المحتملين${lastDay ? ` حتى ${lastDay}` : ''}${target ? `؛ التاريخ المستهدف ${target}` : ''}.`,
  forecastTitle: 'التوقّع',
  forecastRate: (perDay, days) => `الوتيرة الأخيرة: ${perDay} من العملاء المحتملين يوميًا خلال الأيام الـ${days} الماضية.`,
  forecastProjected: (date) => `بهذه الوتيرة يكتمل التسليم في حدود ${date}.`,
  forecastOnTrack: 'وهذا في التاريخ المستهدف أو قبله.',
  forecastLate: 'وهذا بعد التاريخ المستهدف.',
  forecastNeeded: (perDay) => `يلزم تسليم ${perDay} من العملاء المحتملين يوميًا لإتمام الطلب بحلول التاريخ المستهدف.`,
  forecastNone: 'لا يوجد توقّع بعد: لم تتم أي عمليات تسليم مؤخرًا.',
  leadsTitle: 'العملاء المحتملون',
  leadCompany: 'الشركة',
  leadContact: 'جهة الاتصال',
  leadEmail: 'البريد الإلكتروني',
  leadPhone: 'الهاتف',
  leadStatus: 'الحالة',
  leadDeliveredAt: 'تاريخ التسليم',
  leadsEmpty: 'لا يوجد عملاء محتملون في هذا الطلب بعد.',
  timelineTitle: 'السجل',
  timelineEmpty: 'لم يحدث شيء بعد.',
  timelineBy: 'بواسطة',
  timelineEarlier: (_n, f) => `عرض التغييرات السابقة (${f})`,
  clientEvent: (type, data, status) => {
    const to = data?.to;
    switch (type) {
      case 'created':
        return 'تم تقديم الطلب';
      case 'status_changed':
        return `الحالة الآن: ${status[to as keyof typeof status] ?? String(to)}${data?.automatic ? ' (تلقائيًا)' : ''}`;
      case 'quantity_changed':
        return `تغيّر عدد العملاء المحتملين المشترَين من ${String(data?.from)} إلى ${String(to)}`;
      case 'lead_assigned':
      case 'lead_moved':
        return data?.delivered ? 'تم تسليم عميل محتمل' : 'تمت إضافة عميل محتمل';
      case 'lead_delivered':
        return 'تم تسليم عميل محتمل';
      case 'lead_unassigned':
        return 'تمت إزالة عميل محتمل من الطلب';
      case 'lead_undelivered':
        return 'تم التراجع عن تسليم';
    }
  },
  clientStatus: {
    Draft: 'قيد الإعداد: لم تبدأ التسليمات بعد.',
    Active: 'جارٍ تسليم العملاء المحتملين.',
    Paused: 'التسليمات متوقفة مؤقتًا.',
    Completed: 'تم تسليم جميع العملاء المحتملين لهذا الطلب.',
    Cancelled: 'تم إلغاء هذا الطلب.',
  },
  // admin-order-detail
  adminStatusActions: 'إجراءات الحالة',
  assignTitle: 'تعيين عملاء محتملين',
  assignSearch: 'البحث في العملاء المحتملين لهذا العميل غير المرتبطين بأي طلب',
  assignPick: (company) => `اختيار ${company}`,
  assignCapacity: (picked, remaining) => `المختار: ${picked} · المتاح: ${remaining}`,
  assignOverCapacity: (_n, f) => `اختر ${f} على الأكثر: لا يتسع الطلب لأكثر من ذلك.`,
  assignNotActive: (status) => `لا يمكن تعيين عملاء محتملين: حالة الطلب ${status}. لا يقبل العملاء المحتملين إلا طلب نشط.`,
  assignFull: 'لا يمكن تعيين عملاء محتملين: الطلب ممتلئ.',
  assignButton: (n, f) => `تعيين ${leadsObject(n, f)}`,
  assignDone: (n, f, number) => `تم تعيين ${leadsObject(n, f)} إلى ${number}.`,
  assignRefused: (message) => `لم يُعيَّن أي عميل محتمل: ${message}`,
  assignEmpty: 'لا يوجد لدى هذا العميل أي عميل محتمل خارج الطلبات.',
  leadStatusFilter: 'حالة العميل المحتمل',
  leadAllStatuses: 'الكل',
  leadUnassign: (company) => `إزالة ${company} من الطلب`,
  leadUnassignShort: 'إزالة',
  leadUnassigned: (company) => `تمت إزالة ${company} من الطلب.`,
  leadMove: (company) => `نقل ${company}`,
  leadMoveShort: 'نقل',
  moveTitle: (company) => `نقل ${company} إلى طلب آخر لهذا العميل`,
  moveTo: 'النقل إلى الطلب',
  moveSubmit: 'نقل العميل المحتمل',
  moveCancel: 'إبقاؤه هنا',
  moveDone: (company, number) => `تم نقل ${company} إلى ${number}.`,
  moveChoose: 'اختر الطلب الذي سيُنقل إليه العميل المحتمل.',
  moveSameOrder: 'العميل المحتمل موجود بالفعل في هذا الطلب.',
  moveRefused: (message) => `لم يُنقل: ${message}`,
  actionRefusedPlain: (message) => `لم يتم التغيير: ${message}`,
};

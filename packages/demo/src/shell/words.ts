import { createContext, useContext } from 'react';
import type { Language } from './settings.js';

/**
 * The portal's own words, in the language of the header's switch. The elements bring their own
 * translations; this is what a host portal writes around them (its navigation, headings, its own
 * leads table), so that switching the language changes the whole page, as in a real portal.
 */
export interface PortalWords {
  brand: string;
  pagesNav: string;
  titles: { dashboard: string; orders: string; newOrder: string; order: string; allLeads: string; myOrders: string };
  signedInAs: string;
  onDemoDatabase: string;
  openOrders: string;
  inDelivery: string;
  newOrder: string;
  settings: { group: string; user: string; language: string; theme: string; light: string; dark: string; direction: string; fromLanguage: string; ltr: string; rtl: string; reset: string; signOut: string };
  leads: { company: string; contact: string; status: string; client: string; order: string; actions: string; assign: string; assignLead: (company: string) => string; none: string; failed: string; more: string };
}

export type TitleKey = keyof PortalWords['titles'];

const en: PortalWords = {
  brand: 'Lead agency portal',
  pagesNav: 'Pages',
  titles: { dashboard: 'Dashboard', orders: 'Orders', newOrder: 'New order', order: 'Order', allLeads: 'All leads', myOrders: 'My orders' },
  signedInAs: 'Signed in as',
  onDemoDatabase: 'on the demo database in this browser',
  openOrders: 'Open orders',
  inDelivery: 'In delivery',
  newOrder: 'New order',
  settings: {
    group: 'Portal settings', user: 'User', language: 'Language', theme: 'Theme', light: 'Light', dark: 'Dark',
    direction: 'Direction', fromLanguage: 'From language', ltr: 'Left to right', rtl: 'Right to left',
    reset: 'Reset demo data', signOut: 'Sign out',
  },
  leads: {
    company: 'Company', contact: 'Contact', status: 'Status', client: 'Client', order: 'Order', actions: 'Actions',
    assign: 'Assign', assignLead: (company) => `Assign ${company}`, none: 'No leads match.',
    failed: 'The leads could not be loaded.', more: 'More leads',
  },
};

const de: PortalWords = {
  brand: 'Portal der Lead-Agentur',
  pagesNav: 'Seiten',
  titles: { dashboard: 'Übersicht', orders: 'Aufträge', newOrder: 'Neuer Auftrag', order: 'Auftrag', allLeads: 'Alle Leads', myOrders: 'Meine Aufträge' },
  signedInAs: 'Angemeldet als',
  onDemoDatabase: 'auf der Demo-Datenbank in diesem Browser',
  openOrders: 'Offene Aufträge',
  inDelivery: 'In Lieferung',
  newOrder: 'Neuer Auftrag',
  settings: {
    group: 'Portal-Einstellungen', user: 'Benutzer', language: 'Sprache', theme: 'Farbschema', light: 'Hell', dark: 'Dunkel',
    direction: 'Richtung', fromLanguage: 'Nach Sprache', ltr: 'Links nach rechts', rtl: 'Rechts nach links',
    reset: 'Demo-Daten zurücksetzen', signOut: 'Abmelden',
  },
  leads: {
    company: 'Firma', contact: 'Kontakt', status: 'Status', client: 'Kunde', order: 'Auftrag', actions: 'Aktionen',
    assign: 'Zuweisen', assignLead: (company) => `${company} zuweisen`, none: 'Keine passenden Leads.',
    failed: 'Die Leads konnten nicht geladen werden.', more: 'Weitere Leads',
  },
};

const ar: PortalWords = {
  brand: 'بوابة وكالة العملاء المحتملين',
  pagesNav: 'الصفحات',
  titles: { dashboard: 'لوحة المعلومات', orders: 'الطلبات', newOrder: 'طلب جديد', order: 'الطلب', allLeads: 'كل العملاء المحتملين', myOrders: 'طلباتي' },
  signedInAs: 'تم تسجيل الدخول باسم',
  onDemoDatabase: 'على قاعدة البيانات التجريبية في هذا المتصفح',
  openOrders: 'الطلبات المفتوحة',
  inDelivery: 'قيد التسليم',
  newOrder: 'طلب جديد',
  settings: {
    group: 'إعدادات البوابة', user: 'المستخدم', language: 'اللغة', theme: 'المظهر', light: 'فاتح', dark: 'داكن',
    direction: 'الاتجاه', fromLanguage: 'حسب اللغة', ltr: 'من اليسار إلى اليمين', rtl: 'من اليمين إلى اليسار',
    reset: 'إعادة تعيين البيانات التجريبية', signOut: 'تسجيل الخروج',
  },
  leads: {
    company: 'الشركة', contact: 'جهة الاتصال', status: 'الحالة', client: 'العميل', order: 'الطلب', actions: 'الإجراءات',
    assign: 'تعيين', assignLead: (company) => `تعيين ${company}`, none: 'لا يوجد عملاء محتملون مطابقون.',
    failed: 'تعذّر تحميل العملاء المحتملين.', more: 'المزيد من العملاء المحتملين',
  },
};

export const portalWords: Record<Language, PortalWords> = { en, de, ar };

export const WordsContext = createContext<PortalWords>(en);

/** The portal's words in the language chosen in the header. */
export function useWords(): PortalWords {
  return useContext(WordsContext);
}

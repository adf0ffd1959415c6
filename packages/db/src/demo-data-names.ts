// Word pools for believable fake people, companies and campaigns. Shared by the demo generator
// and the set-based benchmark loader (which indexes them from SQL), so both read alike.
// Domains use the reserved `.example` top-level domain: nothing here can reach a real inbox.

export const firstNames = [
  'Olivia', 'Liam', 'Amara', 'Noah', 'Sofia', 'Mateo', 'Priya', 'Ethan', 'Chloe', 'Kenji',
  'Isabella', 'Lucas', 'Fatima', 'Jonas', 'Maya', 'Diego', 'Hannah', 'Omar', 'Grace', 'Ravi',
  'Elena', 'Samuel', 'Aisha', 'Henry', 'Lena', 'Marcus', 'Zoe', 'Tomás', 'Nora', 'Felix',
  'Ingrid', 'Kwame', 'Julia', 'Arjun', 'Camille', 'Daniel', 'Yuki', 'Leo', 'Rosa', 'Victor',
] as const;

export const lastNames = [
  'Anderson', 'Okafor', 'García', 'Nguyen', 'Schmidt', "O'Brien", 'Patel', 'Rossi', 'Kowalski',
  'Johansson', 'Martin', 'Tanaka', 'Haddad', 'Silva', 'Murphy', 'Dubois', 'Kim', 'Novak',
  'Fernandez', 'Walker', 'Mensah', 'Larsen', 'Costa', 'Reyes', 'Fischer', 'Ahmed', 'Bennett',
  'Moreau', 'Sato', 'Hughes', 'Ivanova', 'Brooks', 'Lindqvist', 'Carter', 'Yilmaz', 'Price',
] as const;

/** The agency's customers: businesses that buy leads. */
export const clientNameStems = [
  'Northwind', 'Bluebird', 'Summit', 'Harborview', 'Ironclad', 'Brightline', 'Cedar & Stone',
  'Evergreen', 'Redwood', 'Lakeside', 'Silverline', 'Meridian', 'Copperfield', 'Granite Peak',
  'Tidewater', 'Oakridge', 'Beacon', 'Skyward', 'Pinecrest', 'Riverbend', 'Keystone', 'Falcon',
] as const;

export const clientNameKinds = [
  'Staffing', 'Recruiting', 'Solar', 'Home Services', 'Insurance Group', 'Dental Partners',
  'Logistics', 'Roofing', 'Legal', 'Wealth Advisors', 'HVAC', 'Realty', 'Fitness', 'IT Services',
] as const;

/** The prospects a lead is about. */
export const leadCompanyStems = [
  'Acme', 'Apex', 'Bayside', 'Birch', 'Canyon', 'Clearwater', 'Crescent', 'Delta', 'Eastgate',
  'Elm Street', 'Fairview', 'Foxglove', 'Golden Gate', 'Highland', 'Horizon', 'Juniper',
  'Kingsley', 'Lighthouse', 'Maple', 'Mosaic', 'Nimbus', 'Orchard', 'Pioneer', 'Quarry',
  'Rockwell', 'Sagebrush', 'Sterling', 'Thornbury', 'Union', 'Vantage', 'Willow', 'Zenith',
] as const;

export const leadCompanyIndustries = [
  'Bakery', 'Builders', 'Clinic', 'Dental', 'Electric', 'Farms', 'Fitness', 'Foods', 'Freight',
  'Health', 'Hotels', 'Labs', 'Landscaping', 'Law Group', 'Manufacturing', 'Motors', 'Plumbing',
  'Print Co.', 'Properties', 'Software', 'Supply', 'Textiles', 'Tooling', 'Ventures',
] as const;

export const leadCompanySuffixes = ['', '', '', ' Inc.', ' LLC', ' Ltd.', ' & Co.', ' Group'] as const;

export const orderPeriods = [
  'Q1', 'Q2', 'Q3', 'Q4', 'Spring', 'Summer', 'Autumn', 'Winter', 'Year-End', 'New Year',
] as const;

export const orderThemes = [
  'Hiring Blitz', 'Outreach Campaign', 'Enterprise Push', 'Trade Show Follow-up',
  'Regional Expansion', 'Referral Drive', 'Healthcare Vertical Pilot', 'Retention Sprint',
  'Product Launch', 'Homeowner Leads', 'SMB Prospecting', 'Webinar Follow-up',
] as const;

export const orderDescriptions = [
  'Qualified decision-makers only; no agencies.',
  'Focus on companies with 20-200 employees.',
  'Phone-verified contacts, delivered weekly.',
  'Metro area first, then surrounding counties.',
  'Warm leads from the spring trade show list.',
  'Replacement leads for last quarter\'s rejects included.',
] as const;

/** Lowercase ASCII for e-mail addresses and domains: "Cedar & Stone" → "cedar-stone". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function emailFor(first: string, last: string, company: string): string {
  return `${slug(first).replace(/-/g, '')}.${slug(last).replace(/-/g, '')}@${slug(company)}.example`;
}

/** North American numbers in 555-01xx, the range reserved for fiction. */
export function phoneFor(areaCode: number, line: number): string {
  return `(${areaCode}) 555-01${String(line % 100).padStart(2, '0')}`;
}
